"""Allow ``python -m claimtrack``."""

from claimtrack.entry import main

main()
