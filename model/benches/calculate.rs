//! Benchmark of one full calculation; it lands with the model (issue 3).

fn main() {}
