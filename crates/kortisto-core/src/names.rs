//! Stored names of the register's unit enums (kinds, statuses, channels): one macro gives
//! each its `ALL`, `name()` and `parse()`, so the names live once, beside the variants.
//! `parse` trims and ignores case; an unknown name is the error the enum gives.

/// `named!(Type, |text| error, { Variant => "name", … })` — see the module comment.
macro_rules! named {
    ($ty:ident, $error:expr, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stored and typed name.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// Parses a stored or typed name (trimmed, any case).
            pub fn parse(text: &str) -> $crate::Result<Self> {
                let wanted = text.trim().to_ascii_lowercase();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.name() == wanted)
                    .ok_or_else(|| {
                        let error: fn(&str) -> $crate::Error = $error;
                        error(text)
                    })
            }
        }
    };
}
