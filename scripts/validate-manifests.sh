#!/usr/bin/env bash
# The Kubernetes manifests in deploy/kubernetes: schema-valid for the oldest and
# newest Kubernetes we support (kubernetes-validate --strict rejects unknown
# fields), and the high-availability advice they must keep (checked below).
set -euo pipefail
cd "$(dirname "$0")/.."

VALIDATE_VERSION=1.37.0
venv=.tools/k8s-venv
if ! "$venv/bin/kubernetes-validate" --version 2>/dev/null | grep -q "$VALIDATE_VERSION"; then
  echo "manifests: installing kubernetes-validate $VALIDATE_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "kubernetes-validate==$VALIDATE_VERSION"
fi

for version in 1.31.0 1.37.0; do
  "$venv/bin/kubernetes-validate" --strict --quiet -k "$version" deploy/kubernetes/*.yaml
done
echo "manifests: schema-valid for Kubernetes 1.31 and 1.37"

"$venv/bin/python" - <<'PY'
import glob, re, sys, yaml

docs = {}
for path in glob.glob("deploy/kubernetes/*.yaml"):
    for doc in yaml.safe_load_all(open(path)):
        docs[doc["kind"]] = doc
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)

deployment = docs["Deployment"]
spec = deployment["spec"]
pod = spec["template"]["spec"]
(container,) = pod["containers"]
env = {e["name"]: e for e in container["env"]}
check(spec["replicas"] >= 2, "at least 2 replicas")
image = container["image"]
check(not image.endswith(":latest") and (re.search(r":[\w.-]+$", image) or "@sha256:" in image),
      f"image by immutable tag or digest, not {image}")
check(container["readinessProbe"]["httpGet"]["path"] == "/readyz", "readiness on /readyz")
check(container["livenessProbe"]["httpGet"]["path"] == "/healthz", "liveness on /healthz")
check("startupProbe" in container, "a startup probe")
pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
drain = int(env["CLUSTERPLAN_DRAIN_DELAY_SECS"]["value"])
shutdown = int(env["CLUSTERPLAN_SHUTDOWN_TIMEOUT_SECS"]["value"])
check(pod["terminationGracePeriodSeconds"] >= pre_stop + drain + shutdown + 5,
      "grace period covers preStop + drain + shutdown + margin")
check("secretKeyRef" in env["DATABASE_URL"].get("valueFrom", {}), "DATABASE_URL from a Secret")
limits, requests = container["resources"]["limits"], container["resources"]["requests"]
check("memory" in limits and requests.get("memory") == limits["memory"], "memory request = limit")
check(pod["securityContext"]["runAsNonRoot"] is True, "non-root")
check(container["securityContext"]["readOnlyRootFilesystem"] is True, "read-only root filesystem")
keys = [c["topologyKey"] for c in pod.get("topologySpreadConstraints", [])]
check("topology.kubernetes.io/zone" in keys, "spread over zones")
check(docs["PodDisruptionBudget"]["spec"].get("minAvailable", 0) >= 1, "a PodDisruptionBudget")
policy = docs["NetworkPolicy"]["spec"]
check(sorted(policy["policyTypes"]) == ["Egress", "Ingress"], "ingress and egress restricted")
ports = [p["port"] for rule in policy["ingress"] for p in rule["ports"]]
check(ports == [container["ports"][0]["containerPort"]], "ingress on the HTTP port only")
egress_ports = sorted(p["port"] for rule in policy["egress"] for p in rule["ports"])
check(egress_ports == [53, 53, 5432], "egress to the database and DNS only")
if problems:
    sys.exit("manifests: " + "; ".join(problems))
print("manifests: replicas, probes, grace period, image tag, resources, security and spread as advised")
PY
