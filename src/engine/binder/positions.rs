//! Which parameter a positional argument binds to when parameter sets share a position:
//! only parameters of the sets still possible take part, the default set wins a tie, and
//! each parameter bound narrows the sets (5.1's positional binding per parameter set).

use super::super::command::{Args, CommandInfo, ParamSpec};
use super::in_set;

pub(super) struct Positions<'a> {
    info: &'a CommandInfo,
    /// Parameters still free, with their position (declaration order for implicit positions).
    slots: Vec<(usize, &'a ParamSpec)>,
    /// The parameter sets the arguments bound so far allow; empty when the command has none.
    sets: Vec<String>,
}

impl<'a> Positions<'a> {
    pub(super) fn new(info: &'a CommandInfo, args: &Args) -> Positions<'a> {
        let mut slots: Vec<(usize, &ParamSpec)> = info.params.iter().filter(|p| !p.is_switch()).filter_map(|p| p.position.map(|n| (n, p))).collect();
        if info.implicit_positions && slots.is_empty() {
            slots = info.params.iter().filter(|p| !p.is_switch()).enumerate().collect();
        }
        slots.sort_by_key(|(n, _)| *n);
        slots.retain(|(_, p)| !p.remaining && !args.has(&p.name));
        let bound =
            |s: &String| args.values.iter().all(|(n, _)| info.params.iter().find(|p| p.name.eq_ignore_ascii_case(n)).is_none_or(|p| in_set(p, Some(s))));
        let sets = info.set_names().into_iter().filter(bound).collect();
        Positions { info, slots, sets }
    }

    fn fits(&self, p: &ParamSpec) -> bool {
        self.info.set_names().is_empty() || p.sets.is_empty() || p.sets.iter().any(|s| self.sets.iter().any(|c| c.eq_ignore_ascii_case(s)))
    }

    /// The parameter the next positional argument binds to, taken out of the free ones.
    pub(super) fn next(&mut self) -> Option<&'a ParamSpec> {
        let position = self.slots.iter().filter(|(_, p)| self.fits(p)).map(|(n, _)| *n).next()?;
        let at: Vec<&ParamSpec> = self.slots.iter().filter(|(n, p)| *n == position && self.fits(p)).map(|(_, p)| *p).collect();
        let default = self.info.default_set.as_deref().filter(|d| self.sets.iter().any(|s| s.eq_ignore_ascii_case(d)));
        let pick = default.and_then(|d| at.iter().find(|p| p.sets.iter().any(|s| s.eq_ignore_ascii_case(d)))).unwrap_or(&at[0]);
        let pick: &'a ParamSpec = pick;
        self.slots.retain(|(n, _)| *n != position);
        if !pick.sets.is_empty() {
            self.sets.retain(|s| pick.sets.iter().any(|p| p.eq_ignore_ascii_case(s)));
        }
        Some(pick)
    }
}
