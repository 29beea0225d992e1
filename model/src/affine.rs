//! Amounts that are affine in the nodes per cluster of a month: the shape of every
//! monthly cost and of the upgrade hours, which keeps a horizon total one pass over
//! the months.

/// `fixed + per_node · nodes`: an amount as a function of nodes per cluster.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Affine {
    pub fixed: f64,
    pub per_node: f64,
}

impl Affine {
    pub(crate) fn fixed(fixed: f64) -> Self {
        Self {
            fixed,
            per_node: 0.0,
        }
    }

    pub(crate) fn per_node(per_node: f64) -> Self {
        Self {
            fixed: 0.0,
            per_node,
        }
    }

    pub(crate) fn at(self, nodes: f64) -> f64 {
        self.fixed + self.per_node * nodes
    }

    pub(crate) fn plus(self, other: Self) -> Self {
        Self {
            fixed: self.fixed + other.fixed,
            per_node: self.per_node + other.per_node,
        }
    }
}
