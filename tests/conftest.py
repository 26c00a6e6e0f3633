from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "corpus" / "000_4ac07ca46dbc77aa.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def dictionaries():
    from rooydad import load_dictionaries

    return load_dictionaries()
