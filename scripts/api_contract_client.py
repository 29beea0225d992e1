"""Drives a real Clusterplan server with a client generated from its OpenAPI
document by openapi-python-client (a generator nobody here wrote): calculate,
create, get, update with the edit token, compare, batch and the forecast.

Usage: api_contract_client.py <dir holding clusterplan_client> <base URL>
"""

import sys

sys.path.insert(0, sys.argv[1])
BASE = sys.argv[2]

from clusterplan_client import AuthenticatedClient, Client  # noqa: E402
from clusterplan_client.api.calculate import batch, calculate  # noqa: E402
from clusterplan_client.api.scenarios import (  # noqa: E402
    compare,
    create,
    forecast_json,
    get,
    update,
)
from clusterplan_client.models import (  # noqa: E402
    BatchRequest,
    CalculationResult,
    CreatedScenario,
    NewScenario,
    Problem,
    ScenarioDocument,
    ScenarioInput,
    ScenarioUpdate,
)


def check(condition, what):
    if not condition:
        sys.exit(f"api-contract: {what}")
    print(f"api-contract: ok: {what}")


client = Client(base_url=BASE, raise_on_unexpected_status=True)

# Calculate, with a typed input, and a typed 422.
result = calculate.sync(client=client, body=ScenarioInput.from_dict({"clusters": 4}))
check(isinstance(result, CalculationResult), "calculate answers a CalculationResult")
eks_total = result.to_dict()["options"]["eks"]["horizon_total"]
check(eks_total > 0, "it has an EKS horizon total")
invalid = calculate.sync_detailed(client=client, body=ScenarioInput.from_dict({"clusters": 0}))
check(invalid.status_code == 422 and isinstance(invalid.parsed, Problem), "a bad input is a 422 Problem")
check(invalid.parsed.errors[0].field == "clusters", "the Problem names the field")

# Create, get, update with the token.
created = create.sync(client=client, body=NewScenario.from_dict({"name": "Contract", "input": {"clusters": 4}}))
check(isinstance(created, CreatedScenario) and created.revision == 1, "create answers revision 1")
doc = get.sync(client=client, id=created.id)
check(isinstance(doc, ScenarioDocument) and doc.name == "Contract", "get reads it back")
owner = AuthenticatedClient(base_url=BASE, token=created.edit_token, raise_on_unexpected_status=True)
updated = update.sync(client=owner, id=created.id, body=ScenarioUpdate.from_dict({"input": {"clusters": 6}}))
check(isinstance(updated, ScenarioDocument) and updated.revision == 2, "update with the token writes revision 2")
check(updated.to_dict()["input"]["clusters"] == 6, "with the new input")
refused = update.sync_detailed(client=client, id=created.id, body=ScenarioUpdate.from_dict({"name": "x"}))
check(refused.status_code == 401, "update without the token is 401")

# Compare, batch, forecast.
other = create.sync(client=client, body=NewScenario.from_dict({"name": "Other", "input": {}}))
compared = compare.sync(client=client, ids=f"{created.id},{other.id}")
check(len(compared.to_dict()["scenarios"]) == 2, "compare answers both")
answer = batch.sync(client=client, body=BatchRequest.from_dict({"scenarios": [{"clusters": 2}, {"clusters": 0}]}))
items = answer.to_dict()["results"]
check(len(items) == 2 and "result" in items[0] and items[1]["error"]["status"] == 422, "batch: a result and an error")
rows = forecast_json.sync(client=client, id=created.id, start="2027-01")
billed = sum(r.billed_cost for r in rows if r.x_option == "eks")
check(abs(billed - updated.result.to_dict()["options"]["eks"]["horizon_total"]) < 1e-6 * billed, "forecast sums to the horizon total")
