//! The session's Pester state: the blocks discovery is filling, innermost last. Describe,
//! It and the setup blocks add to it; Invoke-Pester starts and ends it. It lives as a
//! session extension, so two sessions never share it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::Interp;

use super::tree::Block;

#[derive(Default)]
pub struct Pester {
    /// The blocks open in discovery, the file's root first; empty outside discovery.
    pub open: RefCell<Vec<Block>>,
}

pub fn state(interp: &mut Interp) -> Rc<Pester> {
    if let Some(p) = interp.extension::<Rc<Pester>>() {
        return p.clone();
    }
    let p = Rc::new(Pester::default());
    interp.add_extension(p.clone());
    p
}
