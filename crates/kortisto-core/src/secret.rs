//! Key material: the register's 256-bit database key and the recovery code that carries it.
//! Both wrap their bytes so that `Debug` prints `<redacted>`, nothing serialises them, and
//! the memory is zeroed on drop. The key never reaches a file, a log or an error.
use std::fmt;

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::{Error, Result};

/// Bytes in a database key (AES-256).
pub const KEY_BYTES: usize = 32;
/// Bytes of checksum appended to the key inside a recovery code (catches typos).
const CHECKSUM_BYTES: usize = 2;

/// The raw SQLCipher key of one register.
pub struct DatabaseKey(Zeroizing<[u8; KEY_BYTES]>);

impl DatabaseKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; KEY_BYTES]);
        getrandom::fill(bytes.as_mut())
            .map_err(|e| Error::Storage(format!("no OS randomness: {e}")))?;
        Ok(Self(bytes))
    }

    /// Wraps bytes read back from the keychain; `None` when the length is wrong.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_BYTES] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(array)))
    }

    /// The bytes, for the keychain and the `PRAGMA key` statement only.
    pub fn expose(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// `x'…'` hex literal for SQLCipher's raw-key form (no key derivation at open).
    pub fn sqlcipher_literal(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(KEY_BYTES * 2 + 3));
        text.push_str("x'");
        for byte in self.0.iter() {
            text.push_str(&format!("{byte:02x}"));
        }
        text.push('\'');
        text
    }

    /// A one-way fingerprint that tells whether a key belongs to a register without
    /// revealing the key: HMAC-SHA256 keyed by the key over the register id.
    pub fn check_value(&self, register_id: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.expose().as_slice())
            .expect("HMAC takes keys of any length");
        mac.update(b"kortisto key check v1\0");
        mac.update(register_id.as_bytes());
        data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes())
    }
}

impl fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The code shown once when a register is created: the database key in base32 with a
/// two-byte checksum, in groups of five (`ABCDE-FGHIJ-…`). Whoever holds it can open the
/// register on a new machine, so it is shown once and never stored.
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    /// Encodes a key.
    pub fn from_key(key: &DatabaseKey) -> Self {
        let mut payload = Zeroizing::new(Vec::with_capacity(KEY_BYTES + CHECKSUM_BYTES));
        payload.extend_from_slice(key.expose());
        payload.extend_from_slice(&Sha256::digest(key.expose())[..CHECKSUM_BYTES]);
        let plain = Zeroizing::new(BASE32_NOPAD.encode(&payload));
        let mut grouped = String::with_capacity(plain.len() + plain.len() / 5);
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % 5 == 0 {
                grouped.push('-');
            }
            grouped.push(c);
        }
        Self(Zeroizing::new(grouped))
    }

    /// Takes a code as a person typed it: case, spaces and dashes do not matter.
    pub fn parse(typed: &str) -> Self {
        Self(Zeroizing::new(typed.to_string()))
    }

    /// The code for showing to the person, once.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// Decodes the key, checking length, alphabet and checksum.
    pub fn to_key(&self) -> Result<DatabaseKey> {
        let cleaned: Zeroizing<String> = Zeroizing::new(
            self.0
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    // Base32 has no 0, 1 or 8: read them as the letters they are mistaken for.
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    upper => upper,
                })
                .collect(),
        );
        let payload = Zeroizing::new(
            BASE32_NOPAD
                .decode(cleaned.as_bytes())
                .map_err(|_| Error::RecoveryCodeInvalid)?,
        );
        if payload.len() != KEY_BYTES + CHECKSUM_BYTES {
            return Err(Error::RecoveryCodeInvalid);
        }
        let (key, checksum) = payload.split_at(KEY_BYTES);
        if Sha256::digest(key)[..CHECKSUM_BYTES] != *checksum {
            return Err(Error::RecoveryCodeInvalid);
        }
        DatabaseKey::from_slice(key).ok_or(Error::RecoveryCodeInvalid)
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_code_round_trips_and_catches_typos() {
        let key = DatabaseKey::generate().unwrap();
        let code = RecoveryCode::from_key(&key);
        let typed = code.reveal().to_lowercase().replace('-', " ");
        assert_eq!(
            RecoveryCode::parse(&typed).to_key().unwrap().expose(),
            key.expose()
        );

        let mut chars: Vec<char> = code.reveal().chars().collect();
        chars[3] = if chars[3] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert!(matches!(
            RecoveryCode::parse(&typo).to_key(),
            Err(Error::RecoveryCodeInvalid)
        ));
        assert!(matches!(
            RecoveryCode::parse("ABCDE").to_key(),
            Err(Error::RecoveryCodeInvalid)
        ));
    }

    #[test]
    fn debug_never_shows_key_material() {
        let key = DatabaseKey::generate().unwrap();
        let code = RecoveryCode::from_key(&key);
        assert_eq!(format!("{key:?}"), "<redacted>");
        assert_eq!(format!("{code:?}"), "<redacted>");
    }
}
