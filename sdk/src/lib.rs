//! `lumen-sdk`: the single Rust definition of the Lumen Move package's
//! interface, and the protocol's formulas.

pub mod formulas;
