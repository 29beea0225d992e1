//! A pod's requests as the scheduler counts them (Kubernetes' `PodRequests`):
//! the app containers and the sidecars run together; each ordinary init
//! container runs alone, beside the sidecars started before it; the pod needs
//! the larger of the two, plus the runtime class's `spec.overhead`.
//!
//! The containers are folded as they stream in ([`AppContainers`],
//! [`InitContainers`]): a body of one pod with millions of containers costs no
//! more memory than one with a few (the item cap counts objects, not what is
//! inside them).

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::documents::Spec;
use super::resources::Resources;

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

/// One container: its requests, and whether it is a sidecar.
#[derive(Deserialize)]
struct Container {
    resources: Option<Requested>,
    /// `Always` on an init container makes it a sidecar that runs beside the app.
    #[serde(rename = "restartPolicy")]
    restart_policy: Option<String>,
}

/// `resources` of a container, or of a whole pod: its requests (limits are
/// not read).
#[derive(Debug, Default, Deserialize)]
pub struct Requested {
    /// What is requested.
    pub requests: Option<Resources>,
}

impl Container {
    fn requests(&self) -> Requests {
        Requests::of(self.resources.as_ref().and_then(|r| r.requests.as_ref()))
    }
}

/// The app containers' requests, summed.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct AppContainers(Requests);

/// The init containers, in order: the sidecars' sum, and the peak an init
/// container reaches beside the sidecars started before it.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct InitContainers {
    sidecars: Requests,
    peak: Requests,
}

impl InitContainers {
    fn add(mut self, init: &Container) -> Self {
        let own = init.requests();
        if init.restart_policy.as_deref() == Some("Always") {
            self.sidecars = self.sidecars.plus(own);
            // A sidecar's start is itself a peak: it joins those already running.
            self.peak = self.peak.max(self.sidecars);
        } else {
            self.peak = self.peak.max(own.plus(self.sidecars));
        }
        self
    }
}

/// Folds a JSON array of containers with a function, keeping none of them.
struct Fold<T>(fn(T, &Container) -> T);

impl<'de, T: Default> Visitor<'de> for Fold<T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of containers")
    }
    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut folded = T::default();
        while let Some(container) = seq.next_element::<Container>()? {
            folded = (self.0)(folded, &container);
        }
        Ok(folded)
    }
}

impl<'de> Deserialize<'de> for AppContainers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Fold(|sum: AppContainers, c: &Container| {
            AppContainers(sum.0.plus(c.requests()))
        }))
    }
}

impl<'de> Deserialize<'de> for InitContainers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Fold(InitContainers::add))
    }
}

/// The requests of a pod with this spec. A pod-level request
/// (`spec.resources`, Kubernetes 1.34's pod-level resources) stands for its
/// containers' figure of that resource, as the scheduler takes it.
pub fn pod_requests(spec: &Spec) -> Requests {
    let init = spec.init_containers.unwrap_or_default();
    let app = spec.containers.unwrap_or_default().0.plus(init.sidecars);
    let mut requests = app.max(init.peak);
    let pod = spec.resources.as_ref().and_then(|r| r.requests.as_ref());
    if let Some(cpu) = pod.and_then(|p| p.cpu) {
        requests.cpu = cpu.0;
    }
    if let Some(memory) = pod.and_then(|p| p.memory) {
        requests.memory = memory.0;
    }
    requests.plus(Requests::of(spec.overhead.as_ref()))
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
    fn a_pod_level_request_stands_for_its_containers() {
        let s = spec(
            r#"{"resources": {"requests": {"cpu": "3"}, "limits": {"cpu": "4"}},
              "containers": [{"resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}],
              "overhead": {"cpu": "250m"}}"#,
        );
        let r = pod_requests(&s);
        assert_eq!(r.cpu, 3.25, "the pod's CPU and the overhead");
        assert_eq!(r.memory, 1024.0 * 1024.0 * 1024.0, "the containers' memory");
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

    #[test]
    fn many_containers_fold_into_their_sum() {
        let one = r#"{"resources": {"requests": {"cpu": "1m", "memory": "1Mi"}}}"#;
        let many = vec![one; 100_000].join(",");
        let s = spec(&format!(
            r#"{{"containers": [{many}, {{}}], "initContainers": null}}"#
        ));
        let r = pod_requests(&s);
        assert!((r.cpu - 100.0).abs() < 1e-6, "{}", r.cpu);
        assert_eq!(r.memory, 100_000.0 * 1024.0 * 1024.0);
    }
}
