//! The session's command history (Get-History, Invoke-History, Clear-History): the lines
//! typed at the prompt, with their outcome and times. Not the line editor's recall list,
//! which is kept in a file across sessions; this one is the session's own, as in 5.1, and
//! scripts run with `-File` add nothing to it.

use std::cell::{Cell, RefCell};

use chrono::NaiveDateTime;

use super::value::{PsObject, Value};

/// 5.1's HistoryInfo type name (its table view shows Id and CommandLine).
pub const HISTORY_INFO: &str = "Microsoft.PowerShell.Commands.HistoryInfo";

/// `$MaximumHistoryCount`'s default in 5.1: older entries are dropped beyond it.
const CAPACITY: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: i64,
    pub command_line: String,
    /// `Completed`, `Failed` or `Stopped` (PipelineState's names).
    pub status: &'static str,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl HistoryEntry {
    pub fn to_value(&self) -> Value {
        let mut o = PsObject::typed(HISTORY_INFO);
        o.add_typed("Id", "long", Value::Long(self.id));
        o.add_typed("CommandLine", "string", Value::str(&self.command_line));
        o.add_typed("ExecutionStatus", "System.Management.Automation.Runspaces.PipelineState", Value::str(self.status));
        o.add_typed("StartExecutionTime", "datetime", Value::DateTime(self.start));
        o.add_typed("EndExecutionTime", "datetime", Value::DateTime(self.end));
        Value::object(o)
    }
}

/// The history of one session, lent to the engine as a service by the interactive host.
#[derive(Debug, Default)]
pub struct SessionHistory {
    entries: RefCell<Vec<HistoryEntry>>,
    last_id: Cell<i64>,
    /// What Invoke-History ran: the prompt line that called it is kept as this text instead,
    /// as 5.1 replaces the pipeline's history string.
    replacement: RefCell<Option<String>>,
    /// Entries Invoke-History is running now, to refuse a loop.
    invoking: RefCell<Vec<i64>>,
}

impl SessionHistory {
    /// Records a prompt line that has run; ids count up from 1 and are never reused.
    pub fn add(&self, command_line: &str, status: &'static str, start: NaiveDateTime, end: NaiveDateTime) {
        let command_line = self.replacement.borrow_mut().take().unwrap_or_else(|| command_line.to_string());
        let id = self.last_id.get() + 1;
        self.last_id.set(id);
        let mut entries = self.entries.borrow_mut();
        entries.push(HistoryEntry { id, command_line, status, start, end });
        if entries.len() > CAPACITY {
            entries.remove(0);
        }
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> Vec<HistoryEntry> {
        self.entries.borrow().clone()
    }

    pub fn entry(&self, id: i64) -> Option<HistoryEntry> {
        self.entries.borrow().iter().find(|e| e.id == id).cloned()
    }

    /// Removes the entries with these ids; how many there were.
    pub fn remove(&self, ids: &[i64]) -> usize {
        let mut entries = self.entries.borrow_mut();
        let before = entries.len();
        entries.retain(|e| !ids.contains(&e.id));
        before - entries.len()
    }

    /// The prompt line running now is recorded as `command_line`.
    pub fn replace_current(&self, command_line: &str) {
        *self.replacement.borrow_mut() = Some(command_line.to_string());
    }

    /// Marks `id` as being invoked; false when it already is (a loop).
    pub fn begin_invoke(&self, id: i64) -> bool {
        let mut invoking = self.invoking.borrow_mut();
        if invoking.contains(&id) {
            return false;
        }
        invoking.push(id);
        true
    }

    pub fn end_invoke(&self, id: i64) {
        self.invoking.borrow_mut().retain(|i| *i != id);
    }
}

/// 5.1's `History.GetEntries(id, count, newest)`: up to `count` entries ending at `id`
/// (starting at it with `newest`), or without an id the oldest `count` (the newest with
/// `newest`); always oldest first.
pub fn select(entries: &[HistoryEntry], id: Option<i64>, count: usize, newest: bool) -> Vec<HistoryEntry> {
    let (before, after): (Vec<&HistoryEntry>, Vec<&HistoryEntry>) = match id {
        Some(id) => (entries.iter().filter(|e| e.id <= id).collect(), entries.iter().filter(|e| e.id >= id).collect()),
        None => (entries.iter().collect(), entries.iter().collect()),
    };
    let chosen: Vec<&HistoryEntry> = match (id, newest) {
        (Some(_), false) | (None, true) => before[before.len().saturating_sub(count)..].to_vec(),
        (Some(_), true) | (None, false) => after.into_iter().take(count).collect(),
    };
    chosen.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(n: i64) -> SessionHistory {
        let h = SessionHistory::default();
        let t = NaiveDateTime::default();
        for i in 1..=n {
            h.add(&format!("line {i}"), "Completed", t, t);
        }
        h
    }

    fn ids(entries: Vec<HistoryEntry>) -> Vec<i64> {
        entries.into_iter().map(|e| e.id).collect()
    }

    #[test]
    fn selection_follows_get_entries() {
        let h = history(6);
        let all = h.entries();
        assert_eq!(ids(select(&all, None, 2, true)), [5, 6], "Get-History -Count 2: the newest");
        assert_eq!(ids(select(&all, None, 2, false)), [1, 2], "Clear-History -Count 2: the oldest");
        assert_eq!(ids(select(&all, Some(4), 3, false)), [2, 3, 4], "ending at the id");
        assert_eq!(ids(select(&all, Some(4), 3, true)), [4, 5, 6], "starting at it with -Newest");
        assert_eq!(ids(select(&all, Some(2), 5, false)), [1, 2]);
    }

    #[test]
    fn ids_are_never_reused_and_a_replacement_is_recorded_once() {
        let h = history(2);
        assert_eq!(h.remove(&[2]), 1);
        h.replace_current("line 1");
        let t = NaiveDateTime::default();
        h.add("r 1", "Completed", t, t);
        h.add("next", "Failed", t, t);
        let e = h.entries();
        assert_eq!(e.iter().map(|e| (e.id, e.command_line.as_str())).collect::<Vec<_>>(), [(1, "line 1"), (3, "line 1"), (4, "next")]);
        assert!(h.begin_invoke(3) && !h.begin_invoke(3));
        h.end_invoke(3);
        assert!(h.begin_invoke(3));
    }
}
