//! The text of a string value. A copy of a string value shares its text; a string that `+=`
//! extends while nothing else holds it grows where it is, with room to spare (as CPython's
//! `s += t` does), so building a string in a loop is linear rather than a copy per turn.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;

#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// Text as it was made: one allocation of exactly its length.
    Fixed(Rc<str>),
    /// Text `+=` has extended, with spare capacity.
    Growing(Rc<String>),
}

impl Text {
    /// Appends `tail`: in place when nothing else holds this text, else into a new text (the
    /// others keep theirs), with room for more either way.
    pub fn push_str(&mut self, tail: &str) {
        if let Repr::Growing(s) = &mut self.0 {
            if let Some(s) = Rc::get_mut(s) {
                s.push_str(tail);
                return;
            }
        }
        let mut grown = String::with_capacity((self.len() + tail.len()).max(2 * self.len()));
        grown.push_str(self);
        grown.push_str(tail);
        self.0 = Repr::Growing(Rc::new(grown));
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Fixed(s) => s,
            Repr::Growing(s) => s,
        }
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Fixed(Rc::from(s)))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Fixed(Rc::from(s)))
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_text_is_not_changed_by_a_push_to_its_copy() {
        let mut a = Text::from("ab");
        let b = a.clone();
        a.push_str("c");
        assert_eq!(&*a, "abc");
        assert_eq!(&*b, "ab");
        let c = a.clone();
        a.push_str("d");
        assert_eq!((&*a, &*c), ("abcd", "abc"));
    }

    #[test]
    fn a_text_nothing_else_holds_grows_in_place() {
        let mut a = Text::from("abcdefgh");
        a.push_str("i");
        // The first push made room for as much again, so the next pushes do not move the text.
        let at = a.as_ptr();
        for _ in 0..7 {
            a.push_str("z");
        }
        assert_eq!(&*a, "abcdefghizzzzzzz");
        assert_eq!(a.as_ptr(), at);
    }

    #[test]
    fn a_string_value_is_no_larger_than_before() {
        // Two pointers' worth, as `Rc<str>` was, so `Value` keeps its size.
        assert_eq!(std::mem::size_of::<Text>(), 16);
        assert_eq!(std::mem::size_of::<crate::engine::Value>(), 24);
    }
}
