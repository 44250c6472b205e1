//! The simulated world as the cmdlets see it: one shared handle to the cloud
//! model, which is also the session's virtual clock.

use std::cell::RefCell;
use std::rc::Rc;

use crate::cloud::World;
use crate::engine::runtime::{default_epoch, Clock};
use crate::host::session::SessionOptions;

#[derive(Clone)]
pub struct WorldHandle(Rc<RefCell<World>>);

impl WorldHandle {
    /// The world a session starts with. `ERSIM_SEED` makes a fresh world's ids
    /// repeat exactly (the transcript tests rely on it).
    pub fn open(_options: &SessionOptions) -> Result<WorldHandle, String> {
        let world = match std::env::var("ERSIM_SEED").ok().and_then(|s| s.trim().parse::<u64>().ok()) {
            Some(seed) => World::default_world_seeded(default_epoch(), seed),
            None => World::default_world(default_epoch()),
        };
        Ok(WorldHandle(Rc::new(RefCell::new(world))))
    }

    /// A new id from the world's generator (seeded worlds repeat them).
    pub fn next_guid(&self) -> uuid::Uuid {
        self.0.borrow_mut().next_guid()
    }

    pub fn read<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        f(&self.0.borrow())
    }

    pub fn write<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }
}

impl Clock for WorldHandle {
    fn now(&self) -> chrono::NaiveDateTime {
        self.0.borrow().now()
    }

    fn advance(&self, ticks: i64) {
        self.0.borrow_mut().advance_clock(chrono::Duration::microseconds(ticks / 10));
    }
}
