//! Declarations: specifiers, declarators, initializers, type names.

use super::Parser;
use crate::diag::Code;
use crate::lang::ast::*;
use crate::lang::token::TokKind;
use std::rc::Rc;

/// Attributes that change a type's size, alignment or layout.
const LAYOUT_ATTRIBUTES: [&str; 5] = ["packed", "aligned", "vector_size", "mode", "transparent_union"];

impl Parser<'_> {
    /// True if the next token starts declaration specifiers.
    pub(super) fn starts_type(&self) -> bool {
        let Some(n) = self.peek().ident() else { return false };
        is_type_word(n) || self.is_typedef_name(n)
    }

    /// `_Static_assert ( constant-expression [, string-literal] ) ;`,
    /// the keyword next.
    pub(super) fn static_assert(&mut self) -> Option<StaticAssert> {
        let start = self.peek().span;
        self.bump();
        if !self.expect("(", "after `_Static_assert`") {
            self.recover();
            return None;
        }
        let cond = self.conditional();
        let mut message = None;
        if self.eat(",") {
            let mut bytes = Vec::new();
            while let TokKind::Str(s) = &self.peek().kind {
                bytes.extend_from_slice(s);
                self.bump();
            }
            message = Some(bytes);
        }
        let end = self.peek().span;
        if !self.expect(")", "to close `_Static_assert`") || !self.expect(";", "after `_Static_assert(...)`") {
            self.recover();
            return None;
        }
        Some(StaticAssert { cond, message, span: start.to(end) })
    }

    /// A top-level declaration or function definition.
    pub(super) fn external_decl(&mut self) -> Option<Item> {
        let start = self.peek().span;
        if self.is_kw("_Static_assert") || self.is_kw("static_assert") {
            return self.static_assert().map(Item::StaticAssert);
        }
        // C89's implicit int: `main() { ... }` (gcc accepts it with a
        // warning; old course programs are written so).
        if !self.starts_type()
            && self.peek().ident().is_some()
            && self.peek_at(1).is("(")
            && !self.is_typedef_name(self.peek().ident().expect("checked"))
        {
            return Some(self.after_specs(implicit_int(start), start));
        }
        if !self.starts_type() {
            let found = self.describe_next();
            if self.peek().ident().is_some() && (self.peek_at(1).ident().is_some() || self.peek_at(1).is("*")) {
                // An unknown type name: parse the declaration, the
                // lowering reports the name once.
                let name = self.peek().ident().cloned().expect("checked");
                self.declare(&name, true);
                return self.external_decl();
            } else {
                self.error(self.peek().span, format!("expected a declaration or a function definition, found {found}"));
            }
            self.recover();
            return None;
        }
        let specs = self.specs();
        if self.eat(";") {
            return Some(Item::Decl(Decl { specs, vars: Vec::new(), span: start }));
        }
        Some(self.after_specs(specs, start))
    }

    /// A top-level item after its specifiers: a function definition, or
    /// a declaration.
    fn after_specs(&mut self, specs: Specs, start: crate::source::Span) -> Item {
        let mut decl = self.declarator(false);
        let is_func = matches!(decl.derived.first(), Some(Derived::Function(_)));
        if matches!(decl.derived.first(), Some(Derived::Function(ps)) if ps.old_style) {
            self.old_style_declarations(&mut decl);
        }
        if is_func && self.is("{") {
            if let Some(n) = &decl.name {
                self.declare(&n.name, false);
            }
            self.push_scope();
            if let Some(Derived::Function(ps)) = decl.derived.first() {
                for p in &ps.list {
                    if let Some(n) = &p.decl.name {
                        self.declare(&n.name, false);
                    }
                }
            }
            let body = self.block_body();
            self.pop_scope();
            let span = start.to(self.prev_span());
            return Item::Func(FuncDef { specs, decl, body, span });
        }
        Item::Decl(self.rest_of_decl(specs, decl, start))
    }

    /// After the first declarator: initializer, more declarators, `;`.
    pub(super) fn rest_of_decl(&mut self, specs: Specs, first: Declarator, start: crate::source::Span) -> Decl {
        let mut vars = Vec::new();
        let mut d = first;
        if self.scopes.len() > 1 && self.is("{") && matches!(d.derived.first(), Some(Derived::Function(_))) {
            let s = d.span;
            self.error_code(
                Code::Unsupported,
                s,
                "nested functions are a GNU extension and not supported: define the function at file scope",
            );
            self.push_scope();
            let _ = self.block_body();
            self.pop_scope();
            return Decl { specs, vars, span: start.to(self.prev_span()) };
        }
        loop {
            if let Some(n) = &d.name {
                self.declare(&n.name, specs.storage == Storage::Typedef);
            }
            let init = if self.eat("=") { Some(self.initializer()) } else { None };
            vars.push((d, init));
            if !self.eat(",") {
                break;
            }
            d = self.declarator(false);
        }
        if !self.expect(";", "after the declaration") {
            self.recover();
        }
        Decl { specs, vars, span: start.to(self.prev_span()) }
    }

    /// Declaration specifiers: storage class, qualifiers, one type.
    pub(super) fn specs(&mut self) -> Specs {
        let start = self.peek().span;
        let mut storage = Storage::None;
        let mut is_const = false;
        let mut is_atomic = false;
        let (mut void, mut bool_, mut char_, mut short, mut int, mut long, mut signed, mut unsigned) = (0, 0, 0, 0, 0, 0, 0, 0);
        let (mut float, mut double) = (0, 0);
        let mut other: Option<TypeSpec> = None;
        loop {
            let tok = self.peek().clone();
            let Some(word) = tok.ident().cloned() else {
                break;
            };
            match &*word {
                "typedef" => storage = Storage::Typedef,
                "extern" => storage = Storage::Extern,
                "static" => storage = Storage::Static,
                "auto" | "register" | "inline" | "__inline" | "volatile" | "restrict" | "__restrict" | "_Noreturn" | "__extension__" => {}
                "_Atomic" => {
                    self.bump();
                    if self.eat("(") {
                        let tn = self.type_name();
                        self.expect(")", "to close `_Atomic(`");
                        other = Some(TypeSpec::Atomic(Rc::new(tn)));
                    } else {
                        is_atomic = true;
                    }
                    continue;
                }
                "_Thread_local" | "_Complex" => {
                    self.error_code(Code::Unsupported, tok.span, format!("`{word}` is not supported"));
                }
                "const" => is_const = true,
                "__attribute__" => {
                    self.attribute();
                    continue;
                }
                "_Alignas" => {
                    // (Its parenthesised operand is skipped as an
                    // attribute's is.)
                    let msg = "`_Alignas` is not supported: ipcsim lays out types as gcc does without it";
                    self.error_code(Code::Unsupported, tok.span, msg);
                    self.attribute();
                    continue;
                }
                "void" => void += 1,
                "_Bool" => bool_ += 1,
                "char" => char_ += 1,
                "short" => short += 1,
                "int" => int += 1,
                "long" => long += 1,
                "signed" => signed += 1,
                "unsigned" => unsigned += 1,
                "float" => float += 1,
                "double" => double += 1,
                "struct" | "union" => {
                    self.bump();
                    let is_union = &*word == "union";
                    let fallback = |span| RecordSpec { is_union, tag: None, fields: Some(Vec::new()), span };
                    other = Some(TypeSpec::Record(Rc::new(self.nested("struct", |p| p.record(is_union, tok.span), fallback))));
                    continue;
                }
                "enum" => {
                    self.bump();
                    other = Some(TypeSpec::Enum(Rc::new(self.enum_spec(tok.span))));
                    continue;
                }
                _ if other.is_none()
                    && void + bool_ + char_ + short + int + long + signed + unsigned + float + double == 0
                    && self.is_typedef_name(&word) =>
                {
                    other = Some(TypeSpec::Named(Name { name: word.clone(), span: tok.span }));
                }
                // `static jmp_buf env;`: an unknown type name, reported once
                // by the lowering.
                _ if other.is_none()
                    && void + bool_ + char_ + short + int + long + signed + unsigned + float + double == 0
                    && !super::KEYWORDS.contains(&&*word)
                    && (self.peek_at(1).is("*") || self.peek_at(1).ident().is_some_and(|n| !super::KEYWORDS.contains(&&**n))) =>
                {
                    self.declare(&word, true);
                    other = Some(TypeSpec::Named(Name { name: word.clone(), span: tok.span }));
                }
                _ => break,
            }
            self.bump();
        }
        let span = start.to(self.prev_span());
        let signed_flag = if unsigned > 0 {
            Some(false)
        } else if signed > 0 {
            Some(true)
        } else {
            None
        };
        let ty = if let Some(t) = other {
            t
        } else if float + double > 0 {
            self.float_spec(float > 0, long, span)
        } else if void > 0 {
            TypeSpec::Void
        } else if bool_ > 0 {
            TypeSpec::Bool
        } else if char_ > 0 {
            TypeSpec::Int { size: IntSize::Char, signed: signed_flag }
        } else if short > 0 {
            TypeSpec::Int { size: IntSize::Short, signed: signed_flag }
        } else if long >= 2 {
            TypeSpec::Int { size: IntSize::LongLong, signed: signed_flag }
        } else if long == 1 {
            TypeSpec::Int { size: IntSize::Long, signed: signed_flag }
        } else {
            if int + signed + unsigned == 0 {
                let found = self.describe_next();
                self.error(self.peek().span, format!("expected a type, found {found}"));
            }
            TypeSpec::Int { size: IntSize::Int, signed: signed_flag }
        };
        Specs { storage, ty, is_const, is_atomic, span }
    }

    /// `float`, `double`, `long double` (x87 80-bit, 16 bytes).
    fn float_spec(&mut self, float: bool, long: i32, span: crate::source::Span) -> TypeSpec {
        if long > 1 || (long > 0 && float) {
            self.error(span, if float { "`long float` is not a type" } else { "`long long double` is not a type" });
        }
        TypeSpec::Float {
            size: if float {
                4
            } else if long > 0 {
                16
            } else {
                8
            },
        }
    }

    /// `__attribute__((...))`: most attributes (`unused`, `noreturn`,
    /// `format`...) change nothing ipcsim checks and are skipped; those
    /// that change a type's layout (`packed`, `aligned`...) are refused,
    /// as gcc would lay the type out otherwise and a silent difference in
    /// `sizeof` or in the bytes sent through a pipe is worse than none.
    fn attribute(&mut self) {
        self.bump();
        if !self.is("(") {
            return;
        }
        let mut depth = 0;
        loop {
            if self.is("(") {
                depth += 1;
            } else if self.is(")") {
                depth -= 1;
                if depth == 0 {
                    self.bump();
                    return;
                }
            } else if self.at_eof() {
                return;
            } else if depth == 2 {
                let tok = self.peek().clone();
                if let Some(name) = tok.ident().map(|n| n.trim_matches('_').to_string()) {
                    if LAYOUT_ATTRIBUTES.contains(&name.as_str()) {
                        let msg = format!("`__attribute__(({name}))` is not supported: ipcsim lays out types as gcc does without it");
                        self.error_code(Code::Unsupported, tok.span, msg);
                    }
                }
            }
            self.bump();
        }
    }

    fn record(&mut self, is_union: bool, start: crate::source::Span) -> RecordSpec {
        while self.is_kw("__attribute__") {
            self.attribute();
        }
        let tag =
            self.peek().ident().filter(|n| !super::KEYWORDS.contains(&&***n)).cloned().map(|name| Name { name, span: self.peek().span });
        if tag.is_some() {
            self.bump();
        }
        let mut fields = None;
        if self.eat("{") {
            let mut list = Vec::new();
            while !self.is("}") && !self.at_eof() {
                if self.eat(";") {
                    continue;
                }
                let fstart = self.peek().span;
                if !self.starts_type() {
                    let found = self.describe_next();
                    self.error(self.peek().span, format!("expected a member declaration, found {found}"));
                    self.recover();
                    continue;
                }
                let specs = self.specs();
                let mut vars = Vec::new();
                if !self.is(";") {
                    loop {
                        let d = self.declarator(false);
                        if self.is(":") {
                            let s = self.peek().span;
                            self.error_code(Code::Unsupported, s, "bit-fields are not supported: use a whole integer member and masks");
                            self.bump();
                            let _ = self.conditional();
                        }
                        vars.push((d, None));
                        if !self.eat(",") {
                            break;
                        }
                    }
                }
                if !self.expect(";", "after the member declaration") {
                    self.recover();
                }
                list.push(Decl { specs, vars, span: fstart.to(self.prev_span()) });
            }
            self.expect("}", "to close the struct");
            fields = Some(list);
        }
        if tag.is_none() && fields.is_none() {
            self.error(self.peek().span, format!("expected a {} tag or `{{`", if is_union { "union" } else { "struct" }));
        }
        RecordSpec { is_union, tag, fields, span: start.to(self.prev_span()) }
    }

    fn enum_spec(&mut self, start: crate::source::Span) -> EnumSpec {
        let tag =
            self.peek().ident().filter(|n| !super::KEYWORDS.contains(&&***n)).cloned().map(|name| Name { name, span: self.peek().span });
        if tag.is_some() {
            self.bump();
        }
        let mut items = None;
        if self.eat("{") {
            let mut list = Vec::new();
            while !self.is("}") && !self.at_eof() {
                let t = self.peek().clone();
                let Some(name) = t.ident().cloned() else {
                    let found = self.describe_next();
                    self.error(t.span, format!("expected an enumerator name, found {found}"));
                    self.recover();
                    break;
                };
                self.bump();
                self.declare(&name, false);
                let value = if self.eat("=") { Some(self.conditional()) } else { None };
                list.push((Name { name, span: t.span }, value));
                if !self.eat(",") {
                    break;
                }
            }
            self.expect("}", "to close the enum");
            items = Some(list);
        }
        EnumSpec { tag, items, span: start.to(self.prev_span()) }
    }

    /// A declarator; `abstract_ok` allows the name to be missing. Nested
    /// declarators and parameter lists recurse, one level each.
    pub(super) fn declarator(&mut self, abstract_ok: bool) -> Declarator {
        self.nested("declarator", |p| p.declarator_inner(abstract_ok), |span| Declarator { name: None, derived: Vec::new(), span })
    }

    fn declarator_inner(&mut self, abstract_ok: bool) -> Declarator {
        let start = self.peek().span;
        let mut pointers = Vec::new();
        while self.eat("*") {
            let mut is_const = false;
            loop {
                if self.eat_kw("const") {
                    is_const = true;
                } else if self.is_kw("_Atomic") {
                    let span = self.peek().span;
                    self.error_code(Code::Unsupported, span, "an `_Atomic` pointer (`T *_Atomic p`) is not supported: make the object it points to atomic, or use the `__atomic` builtins on the pointer");
                    self.bump();
                } else if !(self.eat_kw("volatile") || self.eat_kw("restrict") || self.eat_kw("__restrict")) {
                    break;
                }
            }
            pointers.push(Derived::Pointer { is_const });
        }
        let mut inner: Option<Declarator> = None;
        let mut name = None;
        if self.is("(") && self.nested_declarator_follows() {
            self.bump();
            inner = Some(self.declarator(abstract_ok));
            self.expect(")", "to close the declarator");
        } else if let Some(n) = self.peek().ident().cloned() {
            if !super::KEYWORDS.contains(&&*n) {
                name = Some(Name { name: n, span: self.peek().span });
                self.bump();
            }
        }
        if name.is_none() && inner.is_none() && !abstract_ok {
            let found = self.describe_next();
            self.error(self.peek().span, format!("expected a name in the declaration, found {found}"));
        }
        let mut suffixes = Vec::new();
        loop {
            if self.eat("[") {
                if self.eat("]") {
                    suffixes.push(Derived::Array(None));
                } else {
                    let e = self.assignment();
                    self.expect("]", "to close the array size");
                    suffixes.push(Derived::Array(Some(Rc::new(e))));
                }
            } else if self.is("(") {
                self.bump();
                suffixes.push(Derived::Function(Rc::new(self.params())));
            } else {
                break;
            }
        }
        while self.is_kw("__attribute__") {
            self.attribute();
        }
        let (name, mut derived) = match inner {
            Some(d) => (d.name, d.derived),
            None => (name, Vec::new()),
        };
        derived.extend(suffixes);
        derived.extend(pointers.into_iter().rev());
        Declarator { name, derived, span: start.to(self.prev_span()) }
    }

    /// After `(` in a declarator: a nested declarator (`(*p)`) or a
    /// parameter list (`(int)`).
    fn nested_declarator_follows(&self) -> bool {
        let next = self.peek_at(1);
        if next.is("*") || next.is("(") || next.is("[") {
            return true;
        }
        match next.ident() {
            Some(n) => !self.is_typedef_name(n) && !super::KEYWORDS.contains(&&**n),
            None => false,
        }
    }

    fn params(&mut self) -> Params {
        let mut list = Vec::new();
        let mut variadic = false;
        if self.eat(")") {
            return Params { list, variadic, empty: true, old_style: false };
        }
        if self.is_kw("void") && self.peek_at(1).is(")") {
            self.bump();
            self.bump();
            return Params { list, variadic, empty: false, old_style: false };
        }
        if self.identifier_list_follows() {
            return self.identifier_list();
        }
        loop {
            if self.eat("...") {
                variadic = true;
                break;
            }
            if !self.starts_type() {
                let found = self.describe_next();
                self.error(self.peek().span, format!("expected a parameter type, found {found}"));
                while !self.is(")") && !self.at_eof() && !self.is(";") && !self.is("{") {
                    self.bump();
                }
                break;
            }
            let specs = self.specs();
            let decl = self.declarator(true);
            list.push(Param { specs, decl });
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")", "to close the parameter list");
        Params { list, variadic, empty: false, old_style: false }
    }

    /// Whether an old-style identifier list comes (`f(a, b)`): a name
    /// that is no type, then `,` or `)`.
    fn identifier_list_follows(&self) -> bool {
        let first = self.peek().ident().is_some_and(|n| !self.is_typedef_name(n) && !super::KEYWORDS.contains(&&**n));
        first && (self.peek_at(1).is(",") || self.peek_at(1).is(")"))
    }

    /// An old-style identifier list up to its `)`: each an `int` for now.
    fn identifier_list(&mut self) -> Params {
        let mut list = Vec::new();
        loop {
            let t = self.peek().clone();
            let Some(n) = t.ident() else {
                let found = self.describe_next();
                self.error(t.span, format!("expected a parameter name, found {found}"));
                break;
            };
            self.bump();
            let name = Name { name: n.clone(), span: t.span };
            list.push(Param { specs: implicit_int(t.span), decl: Declarator { name: Some(name), derived: Vec::new(), span: t.span } });
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")", "to close the parameter list");
        Params { list, variadic: false, empty: false, old_style: true }
    }

    /// An old-style definition's parameter declarations, between its
    /// declarator and its body (`int twice(a) int a; { ... }`): each
    /// gives its parameter's type; one naming no parameter is an error,
    /// as in gcc.
    fn old_style_declarations(&mut self, decl: &mut Declarator) {
        let Some(Derived::Function(ps)) = decl.derived.first_mut() else { return };
        let Some(ps) = Rc::get_mut(ps) else { return };
        while self.starts_type() {
            let specs = self.specs();
            loop {
                let d = self.declarator(false);
                match ps.list.iter_mut().find(|p| p.decl.name.as_ref().map(|n| &n.name) == d.name.as_ref().map(|n| &n.name)) {
                    Some(p) => *p = Param { specs: specs.clone(), decl: d },
                    None => {
                        let what = d.name.as_ref().map_or("a parameter".to_string(), |n| format!("`{}`", n.name));
                        self.error(d.span, format!("declaration of {what}, but there is no such parameter"));
                    }
                }
                if !self.eat(",") {
                    break;
                }
            }
            self.expect(";", "after a parameter's declaration");
        }
    }

    /// `T` or `T *[3]` as in casts and `sizeof`.
    pub(super) fn type_name(&mut self) -> TypeName {
        let specs = self.specs();
        let decl = self.declarator(true);
        TypeName { specs, decl }
    }

    pub(super) fn initializer(&mut self) -> Init {
        if !self.is("{") {
            return Init::Expr(self.assignment());
        }
        let fallback = |span| Init::Expr(Expr { kind: ExprKind::Error, span, height: 1 });
        self.nested("initializer", Self::init_list, fallback)
    }

    /// `{ ... }`, each item one level deeper.
    fn init_list(&mut self) -> Init {
        let start = self.bump().span;
        let mut items = Vec::new();
        while !self.is("}") && !self.at_eof() {
            let mut desig = Vec::new();
            loop {
                if self.eat(".") {
                    let t = self.peek().clone();
                    match t.ident() {
                        Some(n) => {
                            desig.push(Designator::Field(Name { name: n.clone(), span: t.span }));
                            self.bump();
                        }
                        None => self.error(t.span, "expected a member name after `.`"),
                    }
                } else if self.eat("[") {
                    let e = self.conditional();
                    if self.is("...") {
                        let s = self.peek().span;
                        self.error_code(Code::Unsupported, s, "range designators `[a ... b]` are a GNU extension and not supported");
                        self.bump();
                        let _ = self.conditional();
                    }
                    self.expect("]", "to close the designator");
                    desig.push(Designator::Index(e));
                } else {
                    break;
                }
            }
            if !desig.is_empty() {
                self.expect("=", "after the designator");
            }
            let init = self.initializer();
            items.push((desig, init));
            if !self.eat(",") {
                break;
            }
        }
        self.expect("}", "to close the initializer list");
        Init::List(items, start.to(self.prev_span()))
    }

    /// A local declaration statement, after checking `starts_type`.
    pub(super) fn local_decl(&mut self) -> Decl {
        let start = self.peek().span;
        let specs = self.specs();
        if self.eat(";") {
            return Decl { specs, vars: Vec::new(), span: start };
        }
        let first = self.declarator(false);
        self.rest_of_decl(specs, first, start)
    }

    /// True if an identifier token is a plain (non-typedef) name.
    pub(super) fn is_plain_ident(&self) -> bool {
        matches!(&self.peek().kind, TokKind::Ident(n) if !super::KEYWORDS.contains(&&**n) && !self.is_typedef_name(n))
    }
}

/// Keywords that start declaration specifiers (and so a type name).
pub(super) fn is_type_word(w: &str) -> bool {
    matches!(
        w,
        "void"
            | "char"
            | "short"
            | "int"
            | "long"
            | "signed"
            | "unsigned"
            | "_Bool"
            | "struct"
            | "union"
            | "enum"
            | "const"
            | "volatile"
            | "typedef"
            | "extern"
            | "static"
            | "register"
            | "auto"
            | "inline"
            | "restrict"
            | "float"
            | "double"
            | "__attribute__"
            | "_Alignas"
            | "_Noreturn"
            | "__extension__"
            | "__inline"
            | "__restrict"
            | "_Thread_local"
            | "_Complex"
            | "_Atomic"
    )
}

/// C89's implicit `int` (of `main()` and of an old-style parameter).
fn implicit_int(span: crate::source::Span) -> Specs {
    Specs { storage: Storage::None, ty: TypeSpec::Int { size: IntSize::Int, signed: None }, is_const: false, is_atomic: false, span }
}
