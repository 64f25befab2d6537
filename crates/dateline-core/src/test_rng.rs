//! The tests' deterministic numbers, so that a failure on generated input
//! reproduces.

/// A number below `m` from the xorshift state `seed` (advanced).
pub(crate) fn below(seed: &mut u64, m: usize) -> usize {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    usize::try_from(*seed % m as u64).unwrap_or(0)
}
