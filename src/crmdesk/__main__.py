"""`python -m crmdesk` is the same front door as the `crmdesk` command."""

import sys

from crmdesk.cli import main

sys.exit(main())
