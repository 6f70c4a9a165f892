//! Stable diagnostic codes. A code never changes meaning once published:
//! graders' rubrics and the README refer to them.

macro_rules! codes {
    ($($name:ident = $code:literal : $summary:literal,)*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $(#[doc = $summary] $name,)* }

        impl Code {
            /// The code as printed, e.g. `E0201`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// One line on what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$name => $summary,)* }
            }

        }
    };
}

codes! {
    BadToken = "E0101": "a character or literal the lexer cannot read",
    Unterminated = "E0102": "an unterminated string, character literal or comment",
    UnknownHeader = "E0103": "an #include of a header ipcsim does not know",
    BadDirective = "E0104": "a malformed or unknown preprocessor directive",
    MacroArgs = "E0105": "a function-like macro called with the wrong arguments",
    Conditional = "E0106": "unbalanced #if/#ifdef/#else/#endif",
    ErrorDirective = "E0107": "an #error directive was reached",
    Syntax = "E0201": "a syntax error",
    Undeclared = "E0301": "use of an undeclared identifier",
    TypeMismatch = "E0302": "operands or arguments of the wrong type",
    ArgCount = "E0303": "a call with the wrong number of arguments",
    NotLvalue = "E0304": "assignment to something that is not a modifiable lvalue",
    NoMember = "E0305": "a struct or union has no member of that name",
    Incomplete = "E0306": "use of an incomplete type",
    Redefinition = "E0307": "a name defined twice in one scope",
    BadStatement = "E0308": "break, continue, case or default outside their construct",
    NotConstant = "E0309": "a constant expression was required",
    DuplicateCase = "E0310": "two case labels with the same value",
    BadReturn = "E0311": "a return that does not match the function's type",
    NoMain = "E0312": "the program has no main function",
    BadInitializer = "E0313": "an initializer that does not fit its object",
    TooLarge = "E0314": "an object or type larger than gcc's maximum object size (PTRDIFF_MAX bytes)",
    StaticAssertion = "E0315": "a `_Static_assert` whose condition is 0",
    Unsupported = "E0401": "a C construct outside ipcsim's subset",
    FloatingPoint = "E0402": "floating point is outside ipcsim's subset",
    FunctionPointer = "E0403": "function pointers are outside ipcsim's subset",
    Threads = "E0404": "threads are outside ipcsim's subset: use processes",
    Limit = "E0405": "the program exceeds a limit of ipcsim: nesting, macro expansion, input size or static storage",
    TooManyErrors = "E0406": "too many diagnostics: ipcsim stopped reporting (and compiling) after the first 100",
    UnknownLibcCall = "E0501": "a library function outside ipcsim's subset",
    NotYetImplemented = "E0502": "a function of the subset this version does not run yet",
    ProcessFault = "R0101": "a process was killed by a fault (SIGSEGV, SIGFPE, SIGABRT)",
    AssertionFailed = "R0102": "an assert() failed",
    EndlessLoop = "R0103": "a process looped without any visible operation until its fuel ran out",
    StepBudget = "R0104": "the run reached its step budget before every process ended",
    NonZeroExit = "R0105": "the first process exited with a non-zero status",
    UndefinedBehaviour = "R0106": "a process reached undefined behaviour Linux may not trap (out-of-bounds access, use after free, double free): ipcsim stopped the run there",
    Deadlock = "R0201": "every live process is blocked: a deadlock",
    Livelock = "R0202": "every live process is blocked or spinning on memory nobody will change: a livelock",
    NotLinearizable = "R0301": "the history of marked operations is not linearizable against the specification (--spec)",
    BadHistory = "R0302": "the history of marked operations cannot be judged: an unknown operation, or an end without a start",
    LinearizabilityUnknown = "W0402": "the linearizability check ran out of its budget on this history: neither verdict is claimed",
    FormatArgument = "W0301": "a printf argument does not fit its conversion (gcc's -Wformat): natively it reads another argument, as ipcsim does",
    DataRace = "W0401": "a data race: two processes access the same shared bytes, one writing, unordered by any synchronisation",
    VoidMain = "W0302": "`main` returns void: its exit status is unspecified (natively, whatever the last call left; 0 in ipcsim)",
    Leak = "W0601": "the run left something behind: a named object never unlinked, or a child never waited for",
    MissingProgram = "W0602": "exec of a program ipcsim does not have: it failed with ENOENT (give --exec NAME=FILE.c)",
}
