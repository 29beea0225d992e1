//! A pod's requests as the scheduler counts them (Kubernetes' `PodRequests`):
//! the app containers and the sidecars run together; each ordinary init
//! container runs alone, beside the sidecars started before it; the pod needs
//! the larger of the two, plus the runtime class's `spec.overhead`.

use super::documents::{Container, Resources, Spec};

/// CPU (cores) and memory (bytes) a pod requests.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Requests {
    /// Cores.
    pub cpu: f64,
    /// Bytes.
    pub memory: f64,
}

impl Requests {
    fn of(resources: Option<&Resources>) -> Self {
        let cpu = resources.and_then(|r| r.cpu).map_or(0.0, |q| q.0);
        let memory = resources.and_then(|r| r.memory).map_or(0.0, |q| q.0);
        Self { cpu, memory }
    }

    fn container(container: &Container) -> Self {
        Self::of(
            container
                .resources
                .as_ref()
                .and_then(|r| r.requests.as_ref()),
        )
    }

    /// The sum of two requests.
    pub fn plus(self, other: Self) -> Self {
        Self {
            cpu: self.cpu + other.cpu,
            memory: self.memory + other.memory,
        }
    }

    // CPU and memory are maximised separately, as Kubernetes does: the peak of
    // one need not be the peak of the other.
    fn max(self, other: Self) -> Self {
        Self {
            cpu: self.cpu.max(other.cpu),
            memory: self.memory.max(other.memory),
        }
    }
}

/// The requests of a pod with this spec.
pub fn pod_requests(spec: &Spec) -> Requests {
    let mut sidecars = Requests::default();
    let mut init_peak = Requests::default();
    for init in spec.init_containers.iter().flatten() {
        let own = Requests::container(init);
        if init.restart_policy.as_deref() == Some("Always") {
            sidecars = sidecars.plus(own);
            // A sidecar's start is itself a peak: it joins those already running.
            init_peak = init_peak.max(sidecars);
        } else {
            init_peak = init_peak.max(own.plus(sidecars));
        }
    }
    let app = spec
        .containers
        .iter()
        .flatten()
        .map(Requests::container)
        .fold(sidecars, Requests::plus);
    app.max(init_peak)
        .plus(Requests::of(spec.overhead.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> Spec {
        serde_json::from_str(json).expect("a spec")
    }

    #[test]
    fn containers_sum_and_overhead_adds() {
        let s = spec(
            r#"{"containers": [
                {"resources": {"requests": {"cpu": "250m", "memory": "64Mi"}}},
                {"resources": {"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"cpu": "2"}}},
                {"name": "no-requests"}],
              "overhead": {"cpu": "250m", "memory": "120Mi"}}"#,
        );
        let r = pod_requests(&s);
        assert_eq!(r.cpu, 1.5);
        assert_eq!(r.memory, f64::from((64 + 1024 + 120) * 1024 * 1024));
    }

    #[test]
    fn the_largest_init_container_wins_when_it_exceeds_the_app() {
        let s = spec(
            r#"{"initContainers": [
                {"resources": {"requests": {"cpu": "2", "memory": "100Mi"}}},
                {"resources": {"requests": {"cpu": "500m", "memory": "3Gi"}}}],
              "containers": [{"resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}"#,
        );
        let r = pod_requests(&s);
        assert_eq!(r.cpu, 2.0, "the first init container's CPU");
        assert_eq!(
            r.memory,
            3.0 * 1024.0 * 1024.0 * 1024.0,
            "the second's memory"
        );
    }

    #[test]
    fn sidecars_run_beside_the_app_and_later_init_containers() {
        let s = spec(
            r#"{"initContainers": [
                {"restartPolicy": "Always", "resources": {"requests": {"cpu": "100m"}}},
                {"resources": {"requests": {"cpu": "1"}}}],
              "containers": [{"resources": {"requests": {"cpu": "500m"}}}]}"#,
        );
        let r = pod_requests(&s);
        assert!(
            (r.cpu - 1.1).abs() < 1e-12,
            "init 1 + sidecar 0.1: {}",
            r.cpu
        );
    }
}
