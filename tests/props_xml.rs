//! `[xml]` on any text: reading answers with a document or .NET's error and never panics;
//! a document read back from its own OuterXml is the same document; XPath queries, valid or
//! not, answer with nodes or an error.

use ersim::engine::dotnet::xml::{self, parse, serialize, xpath};
use ersim::engine::Value;
use proptest::prelude::*;

/// Text made of XML's pieces, well-formed or not.
fn xmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<a>".to_string()),
        Just("</a>".to_string()),
        Just("<b k='1'/>".to_string()),
        Just("<p:c xmlns:p=\"urn:p\">".to_string()),
        Just("</p:c>".to_string()),
        Just("<d xmlns='urn:d' x=\"&amp;&lt;\">".to_string()),
        Just("</d>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<![CDATA[<x>]]>".to_string()),
        Just("<?pi data?>".to_string()),
        Just("&#65;&gt;".to_string()),
        Just("&bogus;".to_string()),
        Just(" \r\n\t".to_string()),
        "[a-z<>&'\"=/ ]{0,6}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/".to_string()),
        Just("//".to_string()),
        Just("a".to_string()),
        Just("p:c".to_string()),
        Just("*".to_string()),
        Just("@k".to_string()),
        Just("[1]".to_string()),
        Just("[last()]".to_string()),
        Just("[@k='1']".to_string()),
        Just("..".to_string()),
        Just("text()".to_string()),
        Just(" | ".to_string()),
        Just("count(".to_string()),
        Just(")".to_string()),
        "[a-z\\[\\]()@/:.'= ]{0,5}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn reading_any_text_answers_and_a_document_survives_its_own_outer_xml(text in xmlish()) {
        if let Ok(dom) = parse::parse(&text) {
            let once = serialize::outer_xml(&dom, 0);
            let again = parse::parse(&once).map(|d| serialize::outer_xml(&d, 0));
            prop_assert_eq!(again, Ok(once));
            let _ = serialize::indented(&dom, 0);
        }
        let v = xml::convert(&Value::str(&text));
        if let Err(m) = v {
            prop_assert!(m.starts_with("Cannot convert value \""), "{}", m);
        }
    }

    #[test]
    fn any_query_answers_with_nodes_or_an_error(q in query()) {
        let dom = parse::parse("<r xmlns:p='urn:p'><a k='1'>t</a><a/><p:c><a k='2'/></p:c></r>").expect("a document");
        let ns = vec![("p".to_string(), "urn:p".to_string())];
        let _ = xpath::select(&dom, 0, &q, &ns);
        let _ = xpath::select(&dom, 0, &q, &Vec::new());
    }
}
