//! A pod's owners (`metadata.ownerReferences`), read for one fact: whether a
//! `DaemonSet` owns it. Folded as the list streams in, so a body of millions of
//! owners costs no memory (the item cap counts objects, not what is inside).

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

/// Whether one of the owners is a `DaemonSet`.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct DaemonSetOwned(pub bool);

/// One owner of an object: only its kind is read.
#[derive(Deserialize)]
struct Owner {
    kind: Option<String>,
}

impl<'de> Deserialize<'de> for DaemonSetOwned {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Owners;
        impl<'de> Visitor<'de> for Owners {
            type Value = DaemonSetOwned;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of owner references")
            }
            fn visit_unit<E>(self) -> Result<DaemonSetOwned, E> {
                Ok(DaemonSetOwned(false))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DaemonSetOwned, A::Error> {
                let mut owned = false;
                while let Some(owner) = seq.next_element::<Owner>()? {
                    owned |= owner.kind.as_deref() == Some("DaemonSet");
                }
                Ok(DaemonSetOwned(owned))
            }
        }
        deserializer.deserialize_any(Owners)
    }
}
