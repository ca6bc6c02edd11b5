//! Post-extraction cleanup of the article tree. STUB.

use crate::dom::{Dom, NodeId};
use crate::Options;

/// Final tidy-up of the extracted article (empty nodes, presentational attributes).
pub(crate) fn finish(_dom: &mut Dom, _root: NodeId, _opts: &Options) {}
