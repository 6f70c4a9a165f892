//! The library routines ipcsim implements, by name. The lowering turns a
//! call of a prelude function into `Op::Lib(LibFn)`; a prelude function
//! missing here is reported as not implemented yet (E0502).

macro_rules! libfns {
    ($($v:ident = $n:literal,)*) => {
        /// A library routine.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum LibFn { $(#[doc = $n] $v,)* }

        impl LibFn {
            /// The routine called `name`, if implemented.
            pub fn from_name(name: &str) -> Option<LibFn> {
                match name { $($n => Some(LibFn::$v),)* _ => None }
            }

            /// Its C name.
            pub fn name(self) -> &'static str {
                match self { $(LibFn::$v => $n,)* }
            }
        }
    };
}

libfns! {
    Printf = "printf", Fprintf = "fprintf", Sprintf = "sprintf", Snprintf = "snprintf",
    Puts = "puts", Putchar = "putchar", Perror = "perror", Fflush = "fflush",
    Setvbuf = "setvbuf", Setbuf = "setbuf", Fputs = "fputs", Fputc = "fputc", Putc = "putc",
    Strlen = "strlen", Strcpy = "strcpy", Strncpy = "strncpy", Strcat = "strcat",
    Strncat = "strncat", Strcmp = "strcmp", Strncmp = "strncmp", Strchr = "strchr",
    Strrchr = "strrchr", Strstr = "strstr", Memcpy = "memcpy", Memmove = "memmove",
    Memset = "memset", Memcmp = "memcmp", Strerror = "strerror",
    Exit = "exit", Abort = "abort", Abs = "abs", Labs = "labs", Atoi = "atoi", Atol = "atol",
    Strtol = "strtol", Strtoul = "strtoul", Rand = "rand", Srand = "srand",
    Malloc = "malloc", Calloc = "calloc", Realloc = "realloc", Free = "free",
    Toupper = "toupper", Tolower = "tolower", Isdigit = "isdigit", Isalpha = "isalpha",
    Isalnum = "isalnum", Isspace = "isspace", Isupper = "isupper", Islower = "islower",
    Isxdigit = "isxdigit", Isprint = "isprint", Ispunct = "ispunct",
    AssertFail = "__assert_fail", UnderscoreExit = "_exit", Write = "write", Read = "read",
    Getpid = "getpid", Getppid = "getppid",
}
