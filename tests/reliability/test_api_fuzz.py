"""Schemathesis against the served OpenAPI document, in-process over ASGI: for generated requests
to every operation (writes with the token), no 5xx and every response conforms to the schema.

(schemathesis' ``from_fixture`` does not run under this pytest, so each operation's strategy is
driven by hypothesis here; the checks are schemathesis' own, via ``call_and_validate``.)"""

from __future__ import annotations

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from chancery.api import create_app
from chancery.settings import Settings

TOKEN = "fuzz-token-9012"
# Whether an article is accepted depends on its content (English prose, article text in the HTML), which
# a JSON Schema cannot say: schema-valid random text is rightly refused with E_LANGUAGE / E_NO_TEXT.
CONTENT_DEPENDENT = [schemathesis.checks.positive_data_acceptance]
EXAMPLES = 30  # per operation; bounded so the run stays well under a minute


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("fuzz") / "ledger.db"
    # rate_limit 0: the fuzzer is one client sending hundreds of requests (the limit is tested apart)
    app = create_app(Settings(db=f"sqlite:///{db}", token=TOKEN, rate_limit=0), extractor=extractor)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.model
def test_generated_requests_get_no_5xx_and_conforming_responses(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8, [f"{op.method} {op.path}" for op in operations]
    failures: list[str] = []
    started = time.monotonic()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)
        def run(case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=CONTENT_DEPENDENT)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failure, then fail once with all of them
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    print(f"{len(operations)} operations x {EXAMPLES} examples in {time.monotonic() - started:.0f}s")
    assert not failures, "\n\n".join(failures)
