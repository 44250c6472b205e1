//! The second Tab (or Ctrl+Space) lists the candidates under the line, as PSReadLine's
//! MenuComplete shows them. The first goes to rustyline, which completes as far as the
//! candidates agree and waits for the next key; a second one in that state is listed here,
//! under the whole drawing however many rows it wraps to, and the line drawn again under
//! the list. rustyline's own list erased its last rows when it drew the line again over a
//! wrapped line (see `screen`).

use std::sync::{Arc, Mutex};

use rustyline::{Cmd, ConditionalEventHandler, Event, EventContext, RepeatCount};

use super::screen::{self, Drawn};

/// Above this many candidates the list is rustyline's, which asks first whether to show
/// them all (as PSReadLine does).
const ASK_ABOVE: usize = 100;

/// What the last Tab offered: the line around the completed word, and the candidates.
#[derive(Clone, Debug, Default)]
pub struct Offer {
    before: String,
    after: String,
    replacements: Vec<String>,
    shown: Vec<String>,
}

impl Offer {
    /// The offer made for `line` with the cursor at `pos`, the word from `start`.
    pub fn new(line: &str, start: usize, pos: usize, candidates: impl IntoIterator<Item = (String, String)>) -> Offer {
        let (replacements, shown) = candidates.into_iter().unzip();
        Offer { before: line[..start].to_string(), after: line[pos..].to_string(), replacements, shown }
    }

    /// Whether a Tab on `line` at `pos` is the second one for this offer: the line is as
    /// the first Tab left it (the word extended at most to what every candidate starts
    /// with), and there is more than one candidate to list.
    fn listable(&self, line: &str, pos: usize) -> bool {
        if self.shown.len() < 2 || self.shown.len() > ASK_ABOVE || pos > line.len() || !line.is_char_boundary(pos) {
            return false;
        }
        let Some(word) = line[..pos].strip_prefix(self.before.as_str()) else { return false };
        let word = word.to_lowercase();
        line[pos..] == self.after && self.replacements.iter().all(|r| r.to_lowercase().starts_with(&word))
    }
}

/// What the helper and the key handler share: the last drawing and the last offer.
#[derive(Debug, Default)]
pub struct Screen {
    pub drawn: Drawn,
    pub offer: Option<Offer>,
}

pub type SharedScreen = Arc<Mutex<Screen>>;

/// Tab and Ctrl+Space: a second one in a row lists the candidates, any other completes.
pub struct SecondTab(pub SharedScreen);

impl ConditionalEventHandler for SecondTab {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext<'_>) -> Option<Cmd> {
        let mut screen = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let offer = screen.offer.take().filter(|o| o.listable(ctx.line(), ctx.pos()));
        let Some(offer) = offer else { return Some(Cmd::Complete) };
        let mut drawn = screen.drawn.clone();
        drawn.line = ctx.line().to_string();
        drawn.pos = ctx.pos();
        screen::emit(&screen::list_under(&drawn, &offer.shown));
        // Listed once: a third Tab lists again, as the first did not change the line.
        screen.offer = Some(offer);
        Some(Cmd::Repaint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> Offer {
        let names = ["Get-AzureDedicatedCircuitLink", "Get-AzureDedicatedCircuitLinkAuthorization"].map(|n| (n.to_string(), n.to_string()));
        Offer::new("$a = get-azurededicatedcircuitl | x", 5, 31, names)
    }

    #[test]
    fn a_second_tab_is_one_on_the_line_the_first_left() {
        let o = offer();
        // rustyline extended the word to what both candidates share.
        assert!(o.listable("$a = Get-AzureDedicatedCircuitLink | x", 34));
        // The word as it was typed, not extended.
        assert!(o.listable("$a = get-azurededicatedcircuitl | x", 31));
        // Edited since: another word, other text after the cursor, or the cursor moved.
        assert!(!o.listable("$a = Get-AzureDedicatedCircuitX | x", 31));
        assert!(!o.listable("$a = Get-AzureDedicatedCircuitLink | y", 34));
        assert!(!o.listable("$a = Get-AzureDedicatedCircuitLink | x", 33));
        // One candidate is completed, not listed.
        let one = Offer::new("gcm", 0, 3, [("Get-Command".to_string(), "Get-Command".to_string())]);
        assert!(!one.listable("Get-Command", 11));
    }
}
