//! The parse errors' ids and message templates, one entry each, worded as 5.1's
//! ParserStrings resource words them. Keeping them in one table keeps each text
//! written once and makes it easy to hold against 5.1's.

use super::ast::Span;
use super::error::ParseError;

/// Builds [`Message`] from `Id: "template"` pairs, so an id and its text are
/// written side by side and the id is the variant's name.
macro_rules! parser_strings {
    ($($id:ident: $template:literal,)*) => {
        /// A ParserStrings resource; its name is the error's id.
        #[derive(Debug, Clone, Copy)]
        pub enum Message {
            $($id,)*
        }

        impl Message {
            #[cfg(test)]
            const ALL: &[Message] = &[$(Message::$id,)*];

            /// The resource name, shown as the FullyQualifiedErrorId.
            pub fn id(self) -> &'static str {
                match self {
                    $(Message::$id => stringify!($id),)*
                }
            }

            /// The text as 5.1 holds it, with `{0}`, `{1}`... where arguments go.
            pub fn template(self) -> &'static str {
                match self {
                    $(Message::$id => $template,)*
                }
            }
        }
    };
}

parser_strings! {
    BadNumericConstant: "The numeric constant {0} is not valid.",
    EmptyPipeElement: "An empty pipe element is not allowed.",
    EndSquareBracketExpectedAtEndOfAttribute: "Missing ] at end of attribute or type literal.",
    EndSquareBracketExpectedAtEndOfType: "Missing ] at end of type token.",
    ExpectedExpression: "An expression was expected after '('.",
    ExpectedValueExpression: "You must provide a value expression following the '{0}' operator.",
    ExpressionsMustBeFirstInPipeline: "Expressions are only allowed as the first element of a pipeline.",
    IfStatementMissingCondition: "Missing condition in if statement after '{0} ('.",
    IncompleteDollarSubexpressionReference: "$(subexpression) is missing the closing ')'.",
    IncompleteHashLiteral: "The hash literal was incomplete.",
    InvalidLeftHandSide: "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
    InvalidVariableReference: "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
    MissingArgument: "Missing argument in parameter list.",
    MissingArrayIndexExpression: "Array index expression is missing or not valid.",
    MissingCatchHandlerBlock: "The Catch block is missing its statement block.",
    MissingCatchOrFinally: "The Try statement is missing its Catch or Finally block.",
    MissingCurlyBraceInSwitchStatement: "Missing '{' in switch statement.",
    MissingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
    MissingEndParenthesisAfterForeach: "Missing closing ')' after expression part of foreach loop.",
    MissingEndParenthesisAfterStatement: "Missing closing ')' after expression in '{0}' statement.",
    MissingEndParenthesisInExpression: "Missing closing ')' in expression.",
    MissingEndParenthesisInFunctionParameterList: "Missing ')' in function parameter list.",
    MissingEndParenthesisInMethodCall: "Missing ')' in method call.",
    MissingEndSquareBracket: "Missing ']' after array index expression.",
    MissingEqualsInHashLiteral: "Missing '=' operator after key in hash literal.",
    MissingExpressionAfterOperator: "Missing expression after unary operator '{0}'.",
    MissingExpressionAfterToken: "Missing expression after '{0}'.",
    MissingFileSpecification: "Missing file specification after redirection operator.",
    MissingFinallyStatementBlock: "The Finally block is missing its statement block.",
    MissingFunctionBody: "Missing function body in function declaration.",
    MissingInInForeach: "Missing 'in' after variable in foreach loop.",
    MissingKeyInHashLiteral: "Missing key before '=' in hash literal.",
    MissingLoopStatement: "Missing statement body in {0} loop.",
    MissingNameAfterKeyword: "Missing name after {0} keyword.",
    MissingOpenParenthesisAfterKeyword: "Missing opening '(' after keyword '{0}'.",
    MissingOpenParenthesisInIfStatement: "Missing '(' after '{0}' in if statement.",
    MissingPropertyName: "Missing property name after reference operator.",
    MissingStatementBlock: "Missing statement block after {0} ( condition ).",
    MissingStatementBlockAfterElse: "Missing statement block after 'else' keyword.",
    MissingStatementInHashLiteral: "Missing statement after '=' in hash literal.",
    MissingSwitchConditionExpression: "Missing condition in switch statement clause.",
    MissingSwitchStatementClause: "Missing statement block in switch statement clause.",
    MissingTryStatementBlock: "The Try statement is missing its statement block.",
    MissingTypename: "Missing type name after '['.",
    MissingVariableNameAfterForeach: "Missing variable name after foreach.",
    MissingWhileOrUntilInDoWhile: "Missing while or until keyword in do loop.",
    // Not a 5.1 resource: 5.1 has no nesting limit and fails when .NET's stack runs out.
    OnlyOneParameterListAllowed: "The param statement cannot be used if arguments were specified in the function declaration.",
    RedirectionNotSupported: "The '{0}' operator is reserved for future use.",
    ScriptTooDeeplyNested: "The script is nested too deeply to be parsed.",
    StreamAlreadyRedirected: "The {0} for this command is already redirected.",
    TerminatorExpectedAtEndOfString: "The string is missing the terminator: {0}.",
    UnexpectedCharactersAfterHereStringHeader: "No characters are allowed after a here-string header but before the end of the line.",
    UnexpectedToken: "Unexpected token '{0}' in expression or statement.",
    UsingMustBeAtStartOfScript: "A 'using' statement must appear before any other statements in a script.",
    WhitespaceBeforeHereStringFooter: "White space is not allowed before the string terminator.",
    // PowerShell 5.0's classes and enums.
    ConstructorCantHaveReturnType: "A constructor cannot specify a return type.",
    DuplicateQualifier: "Duplicate '{0}' qualifier",
    EnumeratorValueMustBeConstant: "Enumerator value must be a constant value.",
    EnumeratorValueTooLarge: "Enumerator value is too large for a System.Int.",
    IncompleteMemberDefinition: "Missing a property name or method definition.",
    MemberAlreadyDefined: "The member '{0}' is already defined.",
    MethodHasCodePathNotReturn: "Not all code path returns value within method.",
    MissingBaseCtorCall: "Missing 'base' after ':' in a base class constructor call.",
    MissingTypeBody: "Missing '{0}' body in '{0}' declaration.",
    NamedBlockNotAllowedInMethod: "A named block is not allowed in a class method.",
    NonStaticMemberAccessInStaticMember: "Cannot access the non-static member '{0}' in a static method or initializer of a static property.",
    NonVoidMethodMissingReturnValue: "Invalid return statement within non-void method.",
    ParamBlockNotAllowedInMethod: "A param block is not allowed in a class method.",
    StaticConstructorCantHaveParameters: "A static constructor cannot have any parameters.",
    TooManyTypes: "Only one type may be specified on class members.",
    TypeNotFound: "Unable to find type [{0}].",
    VoidMethodHasReturn: "Invalid return statement within void method.",
}

impl Message {
    /// The template with each `{n}` replaced by `args[n]`. Other braces are text:
    /// several templates quote `{`, `}` or `${}` literally.
    pub fn text(self, args: &[&str]) -> String {
        let template = self.template();
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let placeholder = after.find('}').and_then(|close| Some((*args.get(after[..close].parse::<usize>().ok()?)?, close)));
            match placeholder {
                Some((arg, close)) => {
                    out.push_str(arg);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The parse error with this id and text.
    pub fn error(self, args: &[&str], span: Span) -> ParseError {
        ParseError::new(self.id(), self.text(args), span)
    }

    /// The parse error for input that more text could complete (the REPL then prompts with `>>`).
    pub fn incomplete(self, args: &[&str], span: Span) -> ParseError {
        ParseError::incomplete(self.id(), self.text(args), span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_and_templates_are_unique() {
        let mut ids = HashSet::new();
        let mut templates = HashSet::new();
        for m in Message::ALL {
            assert!(ids.insert(m.id()), "id {} is in the table twice", m.id());
            assert!(templates.insert(m.template()), "{:?} and another id share the text {:?}", m, m.template());
        }
    }

    #[test]
    fn arguments_fill_numbered_placeholders_only() {
        assert_eq!(Message::UnexpectedToken.text(&[")"]), "Unexpected token ')' in expression or statement.");
        assert_eq!(Message::MissingEndCurlyBrace.text(&[]), "Missing closing '}' in statement block or type definition.");
        assert_eq!(Message::MissingCurlyBraceInSwitchStatement.text(&[]), "Missing '{' in switch statement.");
        assert!(Message::InvalidVariableReference.text(&[]).ends_with("Consider using ${} to delimit the name."));
    }
}
