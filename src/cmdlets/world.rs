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
    /// The world a session starts with.
    pub fn open(_options: &SessionOptions) -> Result<WorldHandle, String> {
        Ok(WorldHandle(Rc::new(RefCell::new(World::default_world(default_epoch())))))
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
