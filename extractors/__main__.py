import sys

from extractors.tools.cli import main

sys.exit(main())
