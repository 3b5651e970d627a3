//! Election data: typed results, their checks, and the figures derived from them.

pub mod model;
