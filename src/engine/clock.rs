//! The time scripts see: the `Clock` trait and the virtual clock a fresh
//! interpreter starts with.

use std::cell::Cell;

/// The time scripts see. Nothing reads the wall clock: `Get-Date` and
/// `Start-Sleep` use a virtual clock that the layers above may back with the
/// simulated world's.
pub trait Clock {
    fn now(&self) -> chrono::NaiveDateTime;
    /// Moves time forward by a number of 100-nanosecond ticks.
    fn advance(&self, ticks: i64);
}

/// A clock that starts at a fixed instant and moves only when told to.
pub struct VirtualClock(Cell<chrono::NaiveDateTime>);

impl VirtualClock {
    pub fn new(start: chrono::NaiveDateTime) -> VirtualClock {
        VirtualClock(Cell::new(start))
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> chrono::NaiveDateTime {
        self.0.get()
    }
    fn advance(&self, ticks: i64) {
        self.0.set(self.0.get() + chrono::Duration::microseconds(ticks / 10));
    }
}

/// The instant a fresh virtual clock starts at.
pub fn default_epoch() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2016, 10, 3).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default()
}
