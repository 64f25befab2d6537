//! Dropping the nodes a long document's scan no longer needs.
//!
//! Every rule tried at every token leaves its match as a node, and most are
//! not part of any expression found (a shorter match, a piece of a rule that
//! failed further on). Between two expressions nothing in progress holds a
//! node, so the nodes the expressions found so far are not built of can go:
//! the rest are renumbered in their order, and the per-position caches that
//! name nodes are forgotten (they are only caches: trying again gives the
//! same matches). A document's nodes then take memory in proportion to its
//! expressions, not to its tokens.

use super::{NO_NODE, NodeId, Scan};

/// Nodes below this many are never collected (short documents never are).
pub(super) const FIRST_COLLECTION: usize = 1 << 14;

/// Positions whose shape matches are kept between two expressions at most
/// (a few hundred bytes each; an expression reads those of the 32 tokens
/// from its start).
const SHAPES_KEPT: usize = 1 << 10;

impl Scan<'_> {
    /// Collects the nodes if there are enough of them to be worth it; `tops`
    /// (the expressions found so far) are renumbered.
    pub(super) fn maybe_collect(&mut self, tops: &mut [NodeId]) {
        if self.shape_memo.len() > SHAPES_KEPT {
            // Only a match in progress names its shapes' entries.
            self.shape_memo.clear();
        }
        if self.nodes.len() < self.collect_at {
            return;
        }
        self.collect(tops);
        self.collect_at = (2 * self.nodes.len()).max(self.collect_min);
    }

    /// Keeps the nodes reachable from `tops` only, renumbered in order.
    pub(super) fn collect(&mut self, tops: &mut [NodeId]) {
        let n = self.nodes.len();
        // Mark: `new_id` is NO_NODE for an unreached node.
        let mut new_id = vec![NO_NODE; n];
        let mut stack: Vec<NodeId> = tops.to_vec();
        while let Some(id) = stack.pop() {
            let Some(slot) = new_id.get_mut(id as usize) else { continue };
            if *slot != NO_NODE {
                continue;
            }
            *slot = 0;
            let node = &self.nodes[id as usize];
            stack.extend_from_slice(node.subs.as_slice());
            stack.extend(node.value.node_ids().into_iter().flatten());
        }
        // Number the kept nodes in order, then move them down and renumber
        // what they name.
        let mut next: NodeId = 0;
        for slot in &mut new_id {
            if *slot != NO_NODE {
                *slot = next;
                next += 1;
            }
        }
        let map = |id: NodeId| new_id.get(id as usize).copied().unwrap_or(NO_NODE);
        let mut w = 0;
        for (r, &id) in new_id.iter().enumerate() {
            if id == NO_NODE {
                continue;
            }
            self.nodes.swap(w, r);
            let node = &mut self.nodes[w];
            node.subs.remap(map);
            node.value.remap_nodes(map);
            w += 1;
        }
        self.nodes.truncate(w);
        for t in tops.iter_mut() {
            *t = map(*t);
        }
        self.memo.forget();
        self.shape_memo.clear();
        self.shape_memo.shrink_to_fit();
    }
}
