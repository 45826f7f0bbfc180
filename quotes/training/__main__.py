import sys

from quotes.training.recipe import main

sys.exit(main())
