//! The syntax tree. Every node that can be named in an error message keeps its byte span.

use std::rc::Rc;

/// A script's text with its origin, shared by every node parsed from it so that
/// errors can quote the line they come from.
#[derive(Debug)]
pub struct Source {
    /// `None` for interactive or `-Command` text (shown as `line`), else the script path.
    pub path: Option<String>,
    pub text: String,
}

impl Source {
    pub fn new(path: Option<String>, text: impl Into<String>) -> Rc<Source> {
        Rc::new(Source { path, text: text.into() })
    }

    /// `offset` moved back to the start of the character it falls in. Error spans come from the
    /// parser; one inside a multi-byte character must still give a position, not a panic.
    fn char_start(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// 1-based line and column of a byte offset (columns count characters).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.char_start(offset);
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// The text of the line that contains `offset`, without its line break.
    pub fn line_text(&self, offset: usize) -> &str {
        let offset = self.char_start(offset);
        let start = self.text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let end = self.text[offset..].find('\n').map(|i| offset + i).unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches('\r')
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A script block: a script file, a function body or a `{ ... }` literal.
#[derive(Debug)]
pub struct ScriptBlock {
    pub source: Rc<Source>,
    pub span: Span,
    pub attributes: Vec<Attribute>,
    pub params: Option<Vec<Param>>,
    /// Where the `param(...)` block is, with its attributes (for 5.1's errors about it).
    pub param_span: Option<Span>,
    pub begin: Option<Vec<Statement>>,
    pub process: Option<Vec<Statement>>,
    /// The `end` block; an unnamed body is an `end` block.
    pub end: Option<Vec<Statement>>,
}

impl ScriptBlock {
    /// The text between the braces, as `ToString()` of a script block shows it.
    pub fn inner_text(&self) -> &str {
        let t = &self.source.text[self.span.start..self.span.end];
        if t.starts_with('{') && t.ends_with('}') && t.len() >= 2 {
            &t[1..t.len() - 1]
        } else {
            t
        }
    }

    /// Whether the block is an advanced function (any `[CmdletBinding()]` or `[Parameter()]`).
    pub fn is_advanced(&self) -> bool {
        self.attributes.iter().any(|a| a.name.eq_ignore_ascii_case("CmdletBinding"))
            || self.params.iter().flatten().any(|p| p.attributes.iter().any(|a| a.name.eq_ignore_ascii_case("Parameter")))
    }
}

/// `[Name(args)]` on a param block or a parameter.
#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: String,
    pub positional: Vec<Expr>,
    /// `Mandatory` alone is `(name, None)`; `Mandatory = $true` carries the value.
    pub named: Vec<(String, Option<Expr>)>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub type_name: Option<TypeName>,
    pub attributes: Vec<Attribute>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    pub name: String,
    /// `[int[]]` and the like.
    pub is_array: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

#[derive(Debug, Clone)]
pub enum StatementKind {
    Pipeline(Pipeline),
    Assignment {
        target: Expr,
        op: AssignOp,
        value: Box<Statement>,
    },
    If {
        clauses: Vec<(Pipeline, Vec<Statement>)>,
        else_body: Option<Vec<Statement>>,
    },
    While {
        label: Option<String>,
        cond: Pipeline,
        body: Vec<Statement>,
    },
    DoLoop {
        label: Option<String>,
        body: Vec<Statement>,
        cond: Pipeline,
        until: bool,
    },
    For {
        label: Option<String>,
        init: Option<Box<Statement>>,
        cond: Option<Pipeline>,
        step: Option<Box<Statement>>,
        body: Vec<Statement>,
    },
    Foreach {
        label: Option<String>,
        variable: String,
        iterable: Pipeline,
        body: Vec<Statement>,
    },
    Switch(Box<SwitchStatement>),
    Function {
        /// As written, with any scope prefix (`global:f`).
        name: String,
        is_filter: bool,
        body: Rc<ScriptBlock>,
    },
    Try {
        body: Vec<Statement>,
        catches: Vec<CatchClause>,
        finally: Option<Vec<Statement>>,
    },
    /// `trap [Type] { }`: `ty` limits which errors it handles.
    Trap {
        ty: Option<TypeName>,
        body: Vec<Statement>,
    },
    /// `using namespace System.Text`: type names may leave the namespace out.
    UsingNamespace(String),
    Throw(Option<Pipeline>),
    Return(Option<Pipeline>),
    Exit(Option<Pipeline>),
    Break(Option<String>),
    Continue(Option<String>),
    /// `class Name : Base { ... }`: defined before the script that holds it runs.
    Class(Rc<ClassDecl>),
    /// `enum Name { A; B = 5 }`, defined as a class is.
    Enum(Rc<EnumDecl>),
    /// `return` in a class method: its value is the method's result, not output.
    MethodReturn(Option<Pipeline>),
}

/// A class as written (PowerShell 5.0): the engine turns it into a type when its script runs.
#[derive(Debug)]
pub struct ClassDecl {
    pub name: String,
    pub name_span: Span,
    /// `: Base` (further names after a comma would be interfaces, which the engine does not emulate).
    pub base: Option<TypeName>,
    pub properties: Vec<PropertyDecl>,
    /// Methods and constructors, in the order written.
    pub methods: Vec<MethodDecl>,
    pub source: Rc<Source>,
    pub span: Span,
}

/// `hidden static [int] $Name = default`.
#[derive(Debug)]
pub struct PropertyDecl {
    pub name: String,
    pub ty: Option<TypeName>,
    pub is_static: bool,
    pub is_hidden: bool,
    pub default: Option<Expr>,
    pub span: Span,
}

/// A method (`[string] Name([int]$a) { }`) or a constructor (`Name() : base() { }`).
#[derive(Debug)]
pub struct MethodDecl {
    pub name: String,
    pub name_span: Span,
    /// `None` is `void`, as a method written without a type is.
    pub return_type: Option<TypeName>,
    pub is_static: bool,
    pub is_hidden: bool,
    pub is_ctor: bool,
    pub params: Vec<Param>,
    /// A constructor's `: base(args)`.
    pub base_args: Option<Vec<Expr>>,
    pub body: Vec<Statement>,
    pub span: Span,
}

/// An enumeration as written.
#[derive(Debug)]
pub struct EnumDecl {
    pub name: String,
    pub name_span: Span,
    /// `[Flags()]`: values combine and print as a comma list.
    pub flags: bool,
    pub members: Vec<EnumMember>,
    pub source: Rc<Source>,
    pub span: Span,
}

/// `Name` or `Name = value`; the value a constant expression (`5`, `[int]::MaxValue`,
/// `[Other]::A + 2`) the engine works out when the enum is defined.
#[derive(Debug)]
pub struct EnumMember {
    pub name: String,
    pub value: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct SwitchStatement {
    pub label: Option<String>,
    pub mode: SwitchMode,
    pub case_sensitive: bool,
    pub subject: Pipeline,
    pub clauses: Vec<(Expr, Vec<Statement>)>,
    pub default: Option<Vec<Statement>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchMode {
    Exact,
    Wildcard,
    Regex,
}

#[derive(Debug, Clone)]
pub struct CatchClause {
    pub types: Vec<TypeName>,
    pub body: Vec<Statement>,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub elements: Vec<PipelineElement>,
    /// The redirections of a leading expression (`(1/0) 2> $null`, `$x > $null`); a command's
    /// own are on its `Command`.
    pub expr_redirections: Vec<Redirection>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum PipelineElement {
    Expr(Expr),
    Command(Command),
}

impl PipelineElement {
    pub fn span(&self) -> Span {
        match self {
            PipelineElement::Expr(e) => e.span,
            PipelineElement::Command(c) => c.span,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvocationOperator {
    None,
    /// `& cmd`: run in a child scope.
    Call,
    /// `. cmd`: run in the caller's scope.
    Dot,
}

#[derive(Debug, Clone)]
pub struct Command {
    pub invocation: InvocationOperator,
    pub name: Expr,
    pub args: Vec<CommandArg>,
    pub redirections: Vec<Redirection>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum CommandArg {
    /// `-Name`, or `-Name:value` when `value` is set.
    Parameter {
        name: String,
        text: String,
        value: Option<Expr>,
        span: Span,
    },
    Value(Expr),
    /// `@name`
    Splat {
        name: String,
        span: Span,
    },
}

/// Output redirection such as `2>&1`, `> $null` or `*> file`.
#[derive(Debug, Clone)]
pub struct Redirection {
    /// The stream number: 1 success, 2 error, 3 warning, 4 verbose, 5 debug, 6 information,
    /// 0 for `*` (all of them).
    pub from: u8,
    pub target: RedirectTarget,
    pub append: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum RedirectTarget {
    /// `2>&1`: into the success stream (the only stream 5.1 merges into).
    Merge,
    File(Expr),
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Plus,
    Bnot,
    Comma,
    Join,
    Split,
    PreInc,
    PreDec,
    PostInc,
    PostDec,
}

/// Binary operators. Comparison operators carry whether they are case sensitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Range,
    Format,
    And,
    Or,
    Xor,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
    Is,
    IsNot,
    As,
    Cmp(CmpOp, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
    Replace,
    Split,
    Join,
}

impl ExprKind {
    /// The literal of a number the lexer read, negated for a leading `-`.
    pub fn number(n: crate::lang::lexer::Number, neg: bool) -> ExprKind {
        use crate::lang::lexer::Number;
        let sign = if neg { -1 } else { 1 };
        match n {
            Number::Int(v) => ExprKind::Int(v * sign),
            Number::Long(v) => ExprKind::Long(v * sign),
            Number::Double(v) => ExprKind::Double(v * sign as f64),
        }
    }
}

/// A piece of an expandable (double-quoted) string.
#[derive(Debug, Clone)]
pub enum StringPart {
    Text(String),
    Expr(Expr),
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Int(i64),
    /// An `l`-suffixed literal (`10l`, `0x10L`): always an Int64.
    Long(i64),
    Double(f64),
    /// A literal or verbatim string (single-quoted, or a command-mode bare word).
    Str(String),
    /// A bare word in argument position (kept apart so `Get-Foo 10` binds the number but `abc` the text).
    Bare(String),
    Expandable(Vec<StringPart>),
    /// `key` is the lower-cased name, the form variables are looked up by.
    Variable {
        name: String,
        scope: Option<String>,
        key: String,
    },
    ArrayLiteral(Vec<Expr>),
    ArraySubexpr(Vec<Statement>),
    Subexpr(Vec<Statement>),
    Paren(Box<Statement>),
    Hashtable(Vec<(Expr, Statement)>),
    ScriptBlock(Rc<ScriptBlock>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Cast {
        ty: TypeName,
        operand: Box<Expr>,
    },
    TypeLiteral(TypeName),
    Member {
        target: Box<Expr>,
        name: Box<Expr>,
        is_static: bool,
    },
    Invoke {
        target: Box<Expr>,
        name: Box<Expr>,
        args: Vec<Expr>,
        is_static: bool,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
}
