//! What one cluster of a group holds in one month: the few quantities the money
//! formulas read, which sizing sums over pools and groups.

/// How many quantities a [`PerCluster`] holds.
pub(crate) const FIELDS: usize = 10;
/// The index of [`PerCluster::nodes`] in [`PerCluster::to_array`].
pub(crate) const NODES: usize = 0;

/// What one cluster of a group holds in one month, under one option.
///
/// The worker price per hour of the cluster is
/// `a + s_o·q2 − spot_discount·(b + s_o·q3)`, where `s_o` is the option's Spot share:
/// pools with their own Spot share `s` add `n·price·((1−s)(1−d)+s)` to `a` and
/// `n·price·s` to `b`; pools that take the option's add `n·price·(1−d)` to `a`,
/// `n·price·d` to `q2` and `n·price` to `q3`. Both give `n·price·f_p` of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct PerCluster {
    /// Worker nodes (a Fargate pool has none on EKS).
    pub nodes: f64,
    /// Nodes one version hop upgrades (none on EKS with Auto Mode).
    pub upgraded: f64,
    /// EBS GiB of the worker nodes' root volumes.
    pub volume_gib: f64,
    /// On-demand list price of the EC2 nodes per hour (the Auto Mode fee's base).
    pub list_usd: f64,
    pub a: f64,
    pub q2: f64,
    pub b: f64,
    pub q3: f64,
    /// Billed Fargate vCPUs, discount applied.
    pub fargate_vcpu: f64,
    /// Billed Fargate GiB, discount applied.
    pub fargate_gib: f64,
}

impl PerCluster {
    /// The quantities in field order (`nodes` first), for loops over all of them.
    pub(crate) fn to_array(self) -> [f64; FIELDS] {
        [
            self.nodes,
            self.upgraded,
            self.volume_gib,
            self.list_usd,
            self.a,
            self.q2,
            self.b,
            self.q3,
            self.fargate_vcpu,
            self.fargate_gib,
        ]
    }

    /// The inverse of [`PerCluster::to_array`].
    pub(crate) fn from_array(v: [f64; FIELDS]) -> Self {
        let [
            nodes,
            upgraded,
            volume_gib,
            list_usd,
            a,
            q2,
            b,
            q3,
            fargate_vcpu,
            fargate_gib,
        ] = v;
        Self {
            nodes,
            upgraded,
            volume_gib,
            list_usd,
            a,
            q2,
            b,
            q3,
            fargate_vcpu,
            fargate_gib,
        }
    }

    /// `self + other × times`.
    pub(crate) fn add(&mut self, other: &Self, times: f64) {
        self.nodes += other.nodes * times;
        self.upgraded += other.upgraded * times;
        self.volume_gib += other.volume_gib * times;
        self.list_usd += other.list_usd * times;
        self.a += other.a * times;
        self.q2 += other.q2 * times;
        self.b += other.b * times;
        self.q3 += other.q3 * times;
        self.fargate_vcpu += other.fargate_vcpu * times;
        self.fargate_gib += other.fargate_gib * times;
    }
}
