//! The Clusterplan cost and capacity model (PLANNER.md §2-§5); it lands with issue 3.
