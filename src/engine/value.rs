//! Runtime values. Reference types of .NET (arrays, hashtables, objects) are
//! shared and mutable, as in PowerShell: `$b = $a; $b[0] = 1` changes `$a` too.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDateTime;
use indexmap::IndexMap;
use uuid::Uuid;

use crate::lang::ast;

use super::error::ErrorRecord;
use super::text::Text;

#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    UInt(u32),
    ULong(u64),
    Double(f64),
    Char(char),
    Str(Text),
    Guid(Uuid),
    DateTime(NaiveDateTime),
    /// A TimeSpan in 100-nanosecond ticks, as .NET stores it.
    TimeSpan(i64),
    Enum(Rc<EnumValue>),
    Array(Rc<RefCell<Vec<Value>>>),
    /// A .NET collection object other than `object[]`: ArrayList, List[T], HashSet[T], Queue, Stack.
    List(Rc<ListObj>),
    Hashtable(Rc<RefCell<Hashtable>>),
    Object(Rc<RefCell<PsObject>>),
    ScriptBlock(Rc<ast::ScriptBlock>),
    Type(Rc<TypeRef>),
    Error(Rc<ErrorRecord>),
    /// An emulated .NET object whose state is not a set of properties (a StringBuilder).
    Native(Rc<Native>),
}

/// The emulated .NET objects kept as Rust state; their members are in `engine::dotnet`.
#[derive(Debug)]
pub enum Native {
    StringBuilder(RefCell<Builder>),
    Encoding(Encoding),
    Regex(Box<super::dotnet::regex::RegexObj>),
    /// A `System.Security.SecureString`: its text, which nothing prints.
    SecureString(RefCell<super::dotnet::secure::SecureText>),
    /// `[ref]`: a variable, or a boxed value.
    Reference(RefCell<super::dotnet::reference::Reference>),
    Xml(super::dotnet::xml::XmlObj),
}

/// A `System.Text.StringBuilder`: its text and the capacity .NET would have given it.
#[derive(Debug, Clone)]
pub struct Builder {
    pub text: String,
    pub capacity: usize,
}

/// The `System.Text.Encoding` instances scripts use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Ascii,
    Unicode,
    BigEndianUnicode,
    Utf32,
}

/// A member of an enumeration such as `ProviderProvisioningState`.
#[derive(Debug, PartialEq)]
pub struct EnumValue {
    pub type_name: &'static str,
    pub name: String,
    pub value: i64,
}

/// A resolved type literal such as `[int]`, `[System.Guid]` or `[Collections.Generic.List[string]]`.
/// Two types are equal when their full names are (`[single]` and `[double]` are one emulated type).
#[derive(Debug, Clone)]
pub struct TypeRef {
    pub kind: TypeKind,
    pub is_array: bool,
    /// The type arguments of a generic type (`List[string]` has one).
    pub args: Vec<TypeRef>,
    /// The full name of a [`TypeKind::Foreign`] type, which the registry does not emulate.
    pub foreign: Option<Rc<str>>,
    /// The class a script defined, for a type that is one (a `Foreign` type by its name).
    pub class: Option<Rc<super::classes::ClassType>>,
}

impl PartialEq for TypeRef {
    fn eq(&self, other: &TypeRef) -> bool {
        self.full_name() == other.full_name()
    }
}

impl TypeRef {
    pub fn of(kind: TypeKind) -> TypeRef {
        TypeRef { kind, is_array: false, args: Vec::new(), foreign: None, class: None }
    }

    pub fn array_of(kind: TypeKind) -> TypeRef {
        TypeRef { is_array: true, ..TypeRef::of(kind) }
    }

    pub fn generic(kind: TypeKind, args: Vec<TypeRef>) -> TypeRef {
        TypeRef { args, ..TypeRef::of(kind) }
    }

    /// A type known only by its name, such as a cmdlet's output type.
    pub fn foreign(full_name: &str) -> TypeRef {
        TypeRef { foreign: Some(Rc::from(full_name)), ..TypeRef::of(TypeKind::Foreign) }
    }

    /// The element type of an array type (`[int[]]` gives `[int]`).
    pub fn element(&self) -> TypeRef {
        TypeRef { is_array: false, ..self.clone() }
    }
}

/// A collection object: its .NET type (with the element type of a generic one) and its items,
/// shared as an array's are. A Stack keeps its top first, the order it enumerates in.
#[derive(Debug)]
pub struct ListObj {
    pub ty: TypeRef,
    pub items: Rc<RefCell<Vec<Value>>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TypeKind {
    Object,
    Int,
    Long,
    UInt,
    ULong,
    Double,
    Decimal,
    Byte,
    String,
    Char,
    Bool,
    Switch,
    Guid,
    DateTime,
    TimeSpan,
    Array,
    Hashtable,
    Ordered,
    PSCustomObject,
    PSObject,
    ScriptBlock,
    Void,
    Regex,
    Math,
    Type,
    ErrorRecord,
    Exception,
    Environment,
    Convert,
    Console,
    Version,
    ArrayList,
    /// `System.Collections.Generic.List[T]`.
    List,
    /// `System.Collections.Generic.Dictionary[K,V]`.
    Dictionary,
    /// `System.Collections.Generic.HashSet[T]`.
    HashSet,
    /// `System.Collections.Queue`, or `Generic.Queue[T]` with a type argument.
    Queue,
    /// `System.Collections.Stack`, or `Generic.Stack[T]` with a type argument.
    Stack,
    StringBuilder,
    /// `System.Text.Encoding`, whose statics are the encodings.
    Encoding,
    /// `System.IO.Path`, the pure path functions.
    Path,
    SecureString,
    PSCredential,
    NetworkCredential,
    /// `System.Runtime.InteropServices.Marshal`: reading a SecureString back.
    Marshal,
    /// `[ref]`, System.Management.Automation.PSReference.
    Ref,
    /// `[ipaddress]`, System.Net.IPAddress.
    IpAddress,
    /// The host types scripts build for `$Host.UI` and RawUI.
    ChoiceDescription,
    HostSize,
    HostCoordinates,
    XmlDocument,
    XmlNamespaceManager,
    /// A System.Xml node class other than the document, by its full name.
    XmlNode(&'static str),
    Enum(&'static crate::engine::types::EnumDef),
    /// A type the engine does not emulate, known by name (`TypeRef::foreign`).
    Foreign,
}

#[derive(Debug, Default)]
pub struct Hashtable {
    pub ordered: bool,
    /// A `Generic.Dictionary[K,V]`: its type (K and V its arguments). Its string keys
    /// compare ordinally — case-sensitively — unlike a hashtable's.
    pub generic: Option<Rc<TypeRef>>,
    /// A dictionary made with `StringComparer.OrdinalIgnoreCase`, as `CommandInfo.Parameters`.
    ignore_case: bool,
    /// Hashed with rustc-hash: every function call fills one (`$PSBoundParameters`), and
    /// SipHash's keyed start was a tenth of the insert.
    entries: IndexMap<HashKey, (Value, Value), rustc_hash::FxBuildHasher>,
}

/// Hashtable keys compare strings case-insensitively, as PowerShell's do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum HashKey {
    Str(String),
    Int(i64),
    Other(String),
}

impl HashKey {
    fn of(v: &Value, case_sensitive: bool) -> HashKey {
        match v {
            Value::Str(s) if case_sensitive => HashKey::Str(s.to_string()),
            Value::Str(s) => HashKey::Str(s.to_lowercase()),
            Value::Int(i) => HashKey::Int(*i as i64),
            Value::Long(i) => HashKey::Int(*i),
            Value::UInt(i) => HashKey::Int(*i as i64),
            other => HashKey::Other(format!("{:?}", other.to_display_string())),
        }
    }
}

impl Hashtable {
    pub fn new(ordered: bool) -> Hashtable {
        Hashtable { ordered, generic: None, ignore_case: false, entries: IndexMap::default() }
    }

    /// An empty `Generic.Dictionary` of the given type.
    pub fn dictionary(ty: TypeRef) -> Hashtable {
        Hashtable { generic: Some(Rc::new(ty)), ..Hashtable::new(false) }
    }

    /// An empty `Generic.Dictionary` whose string keys compare case-insensitively.
    pub fn dictionary_ignoring_case(ty: TypeRef) -> Hashtable {
        Hashtable { ignore_case: true, ..Hashtable::dictionary(ty) }
    }

    fn key(&self, v: &Value) -> HashKey {
        HashKey::of(v, self.generic.is_some() && !self.ignore_case)
    }

    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.entries.get(&self.key(key)).map(|(_, v)| v)
    }

    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&Value::str(key))
    }

    pub fn contains(&self, key: &Value) -> bool {
        self.entries.contains_key(&self.key(key))
    }

    /// Sets a key, keeping the first spelling of a key that already exists.
    pub fn insert(&mut self, key: Value, value: Value) {
        let k = self.key(&key);
        match self.entries.get_mut(&k) {
            Some(slot) => slot.1 = value,
            None => {
                self.entries.insert(k, (key, value));
            }
        }
    }

    /// Removes a key; whether it was there (a Dictionary's `Remove` answers it).
    pub fn remove(&mut self, key: &Value) -> bool {
        let k = self.key(key);
        self.entries.shift_remove(&k).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.values().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries.values().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.entries.values().map(|(_, v)| v.clone()).collect()
    }
}

/// How a property was attached: a .NET property of the object's type, or a
/// note property of a PSCustomObject (Get-Member shows the difference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropKind {
    Property,
    Note,
}

#[derive(Debug, Clone)]
pub struct Property {
    pub name: String,
    pub value: Value,
    pub kind: PropKind,
    /// The declared .NET type of a typed property, for Get-Member (`uint Bandwidth {get;set;}`).
    pub type_name: Option<&'static str>,
}

/// An object with ordered, case-insensitively named properties: a PSCustomObject
/// or a typed object such as `AzureDedicatedCircuit`.
#[derive(Debug, Clone)]
pub struct PsObject {
    /// Most specific first, ending in `System.Object`.
    pub type_names: Vec<String>,
    pub props: Vec<Property>,
    /// A class's `hidden` properties: readable and settable, left out of views and listings.
    pub hidden: Vec<Property>,
    /// The script class this is an object of.
    pub class: Option<Rc<super::classes::ClassType>>,
    /// What the class's `ToString()` override gave when the object last changed through its
    /// class: the text views and cells show, which cannot run script code.
    pub text: Option<String>,
    /// Members Add-Member attached that are no note: they run script or name another member.
    pub script_members: Vec<ScriptMember>,
}

/// 5.1's PSScriptMethod, PSScriptProperty and PSAliasProperty on one object; the engine runs
/// them with `$this` (`engine/dotnet/script_members.rs`).
#[derive(Debug, Clone)]
pub enum ScriptMember {
    Method { name: String, body: Rc<ast::ScriptBlock> },
    Property { name: String, getter: Option<Rc<ast::ScriptBlock>>, setter: Option<Rc<ast::ScriptBlock>> },
    Alias { name: String, target: String },
}

impl ScriptMember {
    pub fn name(&self) -> &str {
        match self {
            ScriptMember::Method { name, .. } | ScriptMember::Property { name, .. } | ScriptMember::Alias { name, .. } => name,
        }
    }
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

impl PsObject {
    pub fn custom() -> PsObject {
        PsObject {
            type_names: vec![PSCUSTOMOBJECT.into(), "System.Object".into()],
            props: Vec::new(),
            hidden: Vec::new(),
            class: None,
            text: None,
            script_members: Vec::new(),
        }
    }

    /// A typed object whose properties are .NET properties.
    pub fn typed(type_name: &str) -> PsObject {
        PsObject {
            type_names: vec![type_name.into(), "System.Object".into()],
            props: Vec::new(),
            hidden: Vec::new(),
            class: None,
            text: None,
            script_members: Vec::new(),
        }
    }

    pub fn is_custom(&self) -> bool {
        self.type_names.first().is_some_and(|t| t == PSCUSTOMOBJECT) || self.type_names.iter().any(|t| t.starts_with("Selected."))
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.props.iter().chain(&self.hidden).find(|p| p.name.eq_ignore_ascii_case(name)).map(|p| &p.value)
    }

    pub fn has(&self, name: &str) -> bool {
        self.props.iter().chain(&self.hidden).any(|p| p.name.eq_ignore_ascii_case(name)) || self.script_member(name).is_some()
    }

    pub fn script_member(&self, name: &str) -> Option<&ScriptMember> {
        self.script_members.iter().find(|m| m.name().eq_ignore_ascii_case(name))
    }

    pub fn set(&mut self, name: &str, value: Value) -> bool {
        match self.props.iter_mut().chain(&mut self.hidden).find(|p| p.name.eq_ignore_ascii_case(name)) {
            Some(p) => {
                p.value = value;
                true
            }
            None => false,
        }
    }

    pub fn add_note(&mut self, name: &str, value: Value) {
        if !self.set(name, value.clone()) {
            self.props.push(Property { name: name.into(), value, kind: PropKind::Note, type_name: None });
        }
    }

    pub fn add_typed(&mut self, name: &str, type_name: &'static str, value: Value) {
        self.props.push(Property { name: name.into(), value, kind: PropKind::Property, type_name: Some(type_name) });
    }
}

impl Value {
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::Str(Text::from(s.as_ref()))
    }

    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(items)))
    }

    pub fn object(o: PsObject) -> Value {
        Value::Object(Rc::new(RefCell::new(o)))
    }

    /// A new collection object of the given type.
    pub fn list(ty: TypeRef, items: Vec<Value>) -> Value {
        Value::List(Rc::new(ListObj { ty, items: Rc::new(RefCell::new(items)) }))
    }

    pub fn hashtable(h: Hashtable) -> Value {
        Value::Hashtable(Rc::new(RefCell::new(h)))
    }

    pub fn enum_value(type_name: &'static str, name: &str, value: i64) -> Value {
        Value::Enum(Rc::new(EnumValue { type_name, name: name.to_string(), value }))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Long(_) | Value::UInt(_) | Value::ULong(_) | Value::Double(_))
    }

    /// Values PowerShell prints with ToString, outside any table or list.
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Value::Bool(_)
                | Value::Int(_)
                | Value::Long(_)
                | Value::UInt(_)
                | Value::ULong(_)
                | Value::Double(_)
                | Value::Char(_)
                | Value::Str(_)
                | Value::Enum(_)
        ) || matches!(self, Value::Native(n) if matches!(**n, Native::SecureString(_)))
        // (5.1's FormatViewManager lists SecureString among its scalar types: it prints its type name.)
    }

    /// The .NET full type name, as `.GetType().FullName` shows it.
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Int(_) => "System.Int32".into(),
            Value::Long(_) => "System.Int64".into(),
            Value::UInt(_) => "System.UInt32".into(),
            Value::ULong(_) => "System.UInt64".into(),
            Value::Double(_) => "System.Double".into(),
            Value::Char(_) => "System.Char".into(),
            Value::Str(_) => "System.String".into(),
            Value::Guid(_) => "System.Guid".into(),
            Value::DateTime(_) => "System.DateTime".into(),
            Value::TimeSpan(_) => "System.TimeSpan".into(),
            Value::Enum(e) => e.type_name.into(),
            Value::Array(_) => "System.Object[]".into(),
            Value::List(l) => l.ty.full_name(),
            Value::Hashtable(h) => {
                let h = h.borrow();
                match &h.generic {
                    Some(t) => t.full_name(),
                    None if h.ordered => "System.Collections.Specialized.OrderedDictionary".into(),
                    None => "System.Collections.Hashtable".into(),
                }
            }
            Value::Object(o) => o.borrow().type_names.first().cloned().unwrap_or_else(|| "System.Object".into()),
            Value::ScriptBlock(_) => "System.Management.Automation.ScriptBlock".into(),
            Value::Type(_) => "System.RuntimeType".into(),
            Value::Error(_) => "System.Management.Automation.ErrorRecord".into(),
            Value::Native(_) => super::dotnet::registry::type_of(self).full_name(),
        }
    }

    /// The type names PowerShell lists in `.PSObject.TypeNames` (most specific first).
    pub fn type_names(&self) -> Vec<String> {
        match self {
            Value::Object(o) => o.borrow().type_names.clone(),
            Value::Int(_)
            | Value::Long(_)
            | Value::UInt(_)
            | Value::ULong(_)
            | Value::Double(_)
            | Value::Bool(_)
            | Value::Guid(_)
            | Value::DateTime(_)
            | Value::TimeSpan(_)
            | Value::Char(_) => {
                vec![self.type_name(), "System.ValueType".into(), "System.Object".into()]
            }
            Value::Enum(e) => vec![e.type_name.into(), "System.Enum".into(), "System.ValueType".into(), "System.Object".into()],
            Value::Array(_) => vec!["System.Object[]".into(), "System.Array".into(), "System.Object".into()],
            _ => vec![self.type_name(), "System.Object".into()],
        }
    }

    /// Enumerates a value the way the pipeline does: arrays unroll one level,
    /// everything else (strings and hashtables included) is a single item.
    pub fn enumerate(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().clone(),
            Value::List(l) => l.items.borrow().clone(),
            Value::Null => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// Like `enumerate`, but `$null` is one item (for `foreach` over an explicit `$null` array element).
    pub fn as_list(&self) -> Option<Rc<RefCell<Vec<Value>>>> {
        match self {
            Value::Array(a) => Some(a.clone()),
            Value::List(l) => Some(l.items.clone()),
            _ => None,
        }
    }

    /// The text PowerShell's ToString gives (invariant culture, as in string expansion).
    pub fn to_display_string(&self) -> String {
        super::convert::to_string(self)
    }

    /// Identity for reference types, equality of value otherwise (used by `-eq` on objects).
    pub fn same_reference(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => {
                Rc::ptr_eq(a, b)
                    || matches!((&**a, &**b), (Native::Encoding(x), Native::Encoding(y)) if x == y)
                    || matches!((&**a, &**b), (Native::Xml(x), Native::Xml(y)) if super::dotnet::xml::same_node(x, y))
            }
            (Value::Hashtable(a), Value::Hashtable(b)) => Rc::ptr_eq(a, b),
            (Value::ScriptBlock(a), Value::ScriptBlock(b)) => Rc::ptr_eq(a, b),
            (Value::Error(a), Value::Error(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// `$null`, one value, or an array of the items.
pub fn collapse(mut items: Vec<Value>) -> Value {
    match items.len() {
        0 => Value::Null,
        1 => items.pop().unwrap_or(Value::Null),
        _ => Value::array(items),
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(Text::from(s))
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i)
    }
}
