//! Select-Xml (SelectXmlCommand of 5.1's XmlCommands.cs): an XPath query over XML nodes,
//! XML text or files, writing one SelectXmlInfo (Node, Path, Pattern) per node found.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::dotnet::xml;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::files::{expand_or_report, lab, path_args, READ_IDS};

const SELECT_XML_INFO: &str = "Microsoft.PowerShell.Commands.SelectXmlInfo";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Select-Xml", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.SelectXmlCommand", || Box::new(SelectXml))
        .param(ParamSpec::new("XPath", TypeKind::String).mandatory().position(0).not_empty().help("The XPath 1.0 query."))
        .param(
            ParamSpec::new("Xml", TypeKind::PSObject)
                .array()
                .mandatory()
                .position(1)
                .pipeline()
                .alias("Node")
                .in_set("Xml")
                .help("XML nodes to query ([xml] documents or their nodes); piped text is taken as -Content."),
        )
        .param(ParamSpec::new("Path", TypeKind::String).array().mandatory().position(1).in_set("Path").wildcards().help("XML files to query."))
        .param(
            ParamSpec::new("LiteralPath", TypeKind::String)
                .array()
                .mandatory()
                .by_name()
                .alias("PSPath")
                .in_set("LiteralPath")
                .help("XML files to query, the path exactly as written."),
        )
        .param(ParamSpec::new("Content", TypeKind::String).array().mandatory().in_set("Content").help("XML text to query."))
        .param(ParamSpec::new("Namespace", TypeKind::Hashtable).help("Prefixes the query uses: @{ prefix = 'namespace URI' }."))
        .default_set("Xml")
        .outputs(SELECT_XML_INFO)
        .synopsis("Finds text in an XML string or document.")
        .description("Runs an XPath query and writes a SelectXmlInfo (Node, Path, Pattern) for each node it selects; Path is the file, or InputStream for nodes and text. A name without a prefix matches no element of a default namespace: give the namespace a prefix with -Namespace.")
        .example("Query a document", "$x = [xml]'<a><b n=\"1\"/><b n=\"2\"/></a>'; Select-Xml -Xml $x -XPath '//b' | ForEach-Object { $_.Node.n }", "1 and 2.")
        .example(
            "A namespace",
            "Select-Xml -Content '<c xmlns=\"urn:x\"><s/></c>' -XPath '//x:s' -Namespace @{ x = 'urn:x' }",
            "The s element, from InputStream.",
        )]
}

struct SelectXml;

fn info(node: Value, path: &str, pattern: &str) -> Value {
    let mut o = PsObject::typed(SELECT_XML_INFO);
    o.add_typed("Node", "System.Xml.XmlNode", node);
    // SelectXmlInfo.Path: a node or text has no file, and says so.
    o.add_typed("Path", "string", Value::str(if path.is_empty() { "InputStream" } else { path }));
    o.add_typed("Pattern", "string", Value::str(pattern));
    Value::object(o)
}

impl SelectXml {
    fn query(&self, ctx: &mut Ctx, args: &Args, node: &Value, path: &str) -> EvalResult<()> {
        let pattern = args.string("XPath").unwrap_or_default();
        let ns: Vec<(String, String)> = match args.get("Namespace") {
            Some(Value::Hashtable(h)) => h.borrow().iter().map(|(k, v)| (to_string(k), to_string(v))).collect(),
            _ => Vec::new(),
        };
        match xml::select_nodes(node, &pattern, &ns) {
            Some(Ok(found)) => ctx.emit_all(found.into_iter().map(|n| info(n, path, &pattern)).collect()),
            // The query's exception is not caught in SelectXmlCommand: it stops the command.
            Some(Err(message)) => Err(ctx.terminate(ErrorRecord::new(
                message,
                "System.Xml.XPath.XPathException",
                ErrorCategory::NotSpecified,
                "System.Xml.XPath.XPathException,Microsoft.PowerShell.Commands.SelectXmlCommand",
            ))),
            None => {
                let rec = ErrorRecord::new(
                    format!(
                        "Cannot bind parameter 'Xml'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Xml.XmlNode\".",
                        to_string(node),
                        node.type_name()
                    ),
                    "System.Management.Automation.ParameterBindingException",
                    ErrorCategory::InvalidArgument,
                    "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SelectXmlCommand",
                );
                ctx.write_error(rec)
            }
        }
    }

    fn content(&self, ctx: &mut Ctx, args: &Args, text: &Value) -> EvalResult<()> {
        match xml::convert(text) {
            Ok(doc) => self.query(ctx, args, &doc, ""),
            Err(message) => ctx.write_error(
                ErrorRecord::new(
                    message,
                    "System.Management.Automation.PSInvalidCastException",
                    ErrorCategory::InvalidArgument,
                    "InvalidCastToXmlDocument,Microsoft.PowerShell.Commands.SelectXmlCommand",
                )
                .with_target(text),
            ),
        }
    }

    fn files(&self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        let mut items = Vec::new();
        for p in &paths {
            let found = expand_or_report(ctx, &fs, p, literal, &READ_IDS)?;
            // A path with nothing there stops the command before any file is read, as
            // GetResolvedProviderPathFromPSPath throws in 5.1.
            if let Some(missing) = found.iter().find(|i| !fs.exists(i)) {
                return Err(ctx.terminate(
                    ErrorRecord::new(
                        format!("Cannot find path '{}' because it does not exist.", missing.shown()),
                        "System.Management.Automation.ItemNotFoundException",
                        ErrorCategory::ObjectNotFound,
                        "PathNotFound,Microsoft.PowerShell.Commands.SelectXmlCommand",
                    )
                    .with_target(&Value::str(missing.shown())),
                ));
            }
            items.extend(found);
        }
        for item in items {
            let shown = item.shown();
            let loaded = fs.read(&item).map_err(|e| e.to_string()).and_then(|bytes| xml::load_text(&xml::parse::decode_file(&bytes)));
            match loaded {
                Ok(doc) => self.query(ctx, args, &doc, &shown)?,
                Err(why) => ctx.write_error(
                    ErrorRecord::new(
                        format!("The file '{shown}' cannot be read: {why}"),
                        "System.ArgumentException",
                        ErrorCategory::InvalidArgument,
                        "ProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand",
                    )
                    .with_target(&Value::str(&shown)),
                )?,
            }
        }
        Ok(())
    }
}

impl Cmdlet for SelectXml {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        match args.set.as_deref() {
            Some("Path" | "LiteralPath") => self.files(ctx, args),
            Some("Content") => {
                for text in args.get("Content").map(Value::enumerate).unwrap_or_default() {
                    self.content(ctx, args, &text)?;
                }
                Ok(())
            }
            _ => {
                for node in args.get("Xml").map(Value::enumerate).unwrap_or_default() {
                    if matches!(node, Value::Str(_)) {
                        self.content(ctx, args, &node)?;
                    } else {
                        self.query(ctx, args, &node, "")?;
                    }
                }
                Ok(())
            }
        }
    }
}
