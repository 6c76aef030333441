//! Files that leave the register (extracts, backups, marketing lists): where they may go and
//! how they are written — owner-only, never through a symlink, whole or not at all.
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Environment variable that overrides the folder offered for extracts and exports.
pub const EXPORT_DIR_ENV: &str = "KORTISTO_EXPORT_DIR";

/// The folder offered for extracts and exports: `KORTISTO_EXPORT_DIR`, else the user's
/// documents folder, else their home folder (else the working folder — never the temp folder).
pub fn default_folder() -> PathBuf {
    if let Some(path) = std::env::var_os(EXPORT_DIR_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    directories::UserDirs::new()
        .map(|dirs| {
            dirs.document_dir()
                .filter(|d| d.is_dir())
                .unwrap_or(dirs.home_dir())
                .to_path_buf()
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Existing {
    /// Replace it (an extract written again the same day).
    Replace,
    /// Refuse with `output_exists` (a backup never silently overwrites an earlier one).
    Refuse,
}

/// Refuses a folder inside the register's data folder (`output_inside_register`).
pub(crate) fn check_outside(data_dir: &Path, folder: &Path) -> Result<()> {
    let inside = match (fs::canonicalize(data_dir), fs::canonicalize(folder)) {
        (Ok(data), Ok(folder)) => folder.starts_with(data),
        _ => match (std::path::absolute(data_dir), std::path::absolute(folder)) {
            (Ok(data), Ok(folder)) => folder.starts_with(data),
            _ => false,
        },
    };
    if inside {
        return Err(Error::OutputInsideRegister {
            path: folder.display().to_string(),
        });
    }
    Ok(())
}

fn not_writable(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::OutputNotWritable {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// The folder `target` is written into (`.` for a bare file name).
pub(crate) fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The temporary name of `target` while it is written.
pub(crate) fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// A file being written as `NAME.partial` in its own folder — opened with `create_new` (and
/// `O_NOFOLLOW` on Unix), mode 0600 — then synced and renamed to `NAME`. A rename replaces a
/// symlink at `NAME` instead of writing through it. Dropped without [`finish`](Self::finish),
/// it removes what it wrote. A folder inside the register's data folder is refused, so a copy
/// of personal data is never mistaken for the register's own files or swept away with them.
pub(crate) struct OutputFile {
    target: PathBuf,
    temp: PathBuf,
    existing: Existing,
    writer: Option<BufWriter<File>>,
}

impl OutputFile {
    /// Opens `target`'s temporary file, after checking its folder is outside `data_dir`.
    /// A `.partial` left by an earlier failed run is removed first.
    pub(crate) fn create(data_dir: &Path, target: &Path, existing: Existing) -> Result<Self> {
        let folder = folder_of(target);
        if !folder.is_dir() {
            return Err(Error::OutputNotWritable {
                path: folder.display().to_string(),
                detail: "not a folder".into(),
            });
        }
        check_outside(data_dir, folder)?;
        if existing == Existing::Refuse && target.symlink_metadata().is_ok() {
            return Err(Error::OutputExists {
                path: target.display().to_string(),
            });
        }
        let temp = partial_path(target);
        if temp.symlink_metadata().is_ok() {
            fs::remove_file(&temp).map_err(not_writable(folder))?;
        }
        let file = owner_only_new().open(&temp).map_err(not_writable(folder))?;
        Ok(Self {
            target: target.to_path_buf(),
            temp,
            existing,
            writer: Some(BufWriter::with_capacity(1 << 22, file)),
        })
    }

    /// Where the file goes once finished.
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// Syncs the file and renames it into place; returns its size in bytes.
    pub(crate) fn finish(mut self) -> Result<u64> {
        let folder = folder_of(&self.target).to_path_buf();
        let writer = self.writer.take().expect("finish is called once");
        let file = writer
            .into_inner()
            .map_err(|e| not_writable(&folder)(e.into_error()))?;
        file.sync_all().map_err(not_writable(&folder))?;
        let bytes = file.metadata().map_err(not_writable(&folder))?.len();
        drop(file);
        match self.existing {
            Existing::Replace => {
                fs::rename(&self.temp, &self.target).map_err(not_writable(&folder))?
            }
            // A hard link never replaces an existing name, so a file that appeared meanwhile
            // is not overwritten; file systems without links (FAT) get a check and a rename.
            Existing::Refuse => match fs::hard_link(&self.temp, &self.target) {
                Ok(()) => fs::remove_file(&self.temp).map_err(not_writable(&folder))?,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(Error::OutputExists {
                        path: self.target.display().to_string(),
                    })
                }
                Err(_) if self.target.symlink_metadata().is_ok() => {
                    return Err(Error::OutputExists {
                        path: self.target.display().to_string(),
                    })
                }
                Err(_) => fs::rename(&self.temp, &self.target).map_err(not_writable(&folder))?,
            },
        }
        if let Ok(dir) = File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(bytes)
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer.as_mut().expect("not finished").write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.writer.as_mut().expect("not finished").write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.as_mut().expect("not finished").flush()
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        // After a successful finish the temporary name is gone and this does nothing.
        self.writer.take();
        let _ = fs::remove_file(&self.temp);
    }
}

/// Open options for a new owner-only file that is never reached through a symlink.
pub(crate) fn owner_only_new() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options
}

/// Writes one whole file (see the module comment); returns its size in bytes.
pub(crate) fn write(
    data_dir: &Path,
    target: &Path,
    bytes: &[u8],
    existing: Existing,
) -> Result<u64> {
    let mut file = OutputFile::create(data_dir, target, existing)?;
    file.write_all(bytes)
        .map_err(not_writable(folder_of(target)))?;
    file.finish()
}

/// Writes several files into `out_dir` as one: each under its temporary name first, then
/// all renamed; a failure while writing leaves nothing, one while renaming removes those
/// already in place. Owner-only, never through a symlink, never inside `data_dir`.
pub(crate) fn write_all_or_nothing(
    data_dir: &Path,
    out_dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<()> {
    if !out_dir.is_dir() {
        return Err(Error::OutputNotWritable {
            path: out_dir.display().to_string(),
            detail: "not a folder".into(),
        });
    }
    check_outside(data_dir, out_dir)?;
    let mut pending = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut file = OutputFile::create(data_dir, path, Existing::Replace)?;
        file.write_all(bytes).map_err(not_writable(out_dir))?;
        pending.push(file);
    }
    let mut renamed: Vec<&PathBuf> = Vec::with_capacity(files.len());
    for (file, (path, _)) in pending.into_iter().zip(files) {
        if let Err(error) = file.finish() {
            for path in renamed {
                let _ = fs::remove_file(path);
            }
            return Err(error);
        }
        renamed.push(path);
    }
    Ok(())
}
