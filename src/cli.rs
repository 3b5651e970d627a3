//! The command line: `chunav build | check | serve | init | new | import`. docs/commands.md
//! names every flag (a test checks it).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "chunav",
    version,
    about = "A static site generator for election explainers",
    long_about = "chunav builds a static news microsite from Markdown articles whose front matter \
                  carries vote data: it checks the data, derives totals, shares, margins and swings, \
                  draws SVG charts and renders the pages through Tera templates."
)]
pub struct Cli {
    /// The site's folder (holding site.toml, content/, templates/, static/)
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check everything and write the site to public/ (or -o DIR), replacing it only on success
    Build(BuildArgs),
    /// Run every parse and check of a build without writing anything
    Check(CheckArgs),
    /// Create a site in DIR that builds as it is, with GitHub workflows to publish and check it
    Init {
        /// Folder to create the site in (must not exist, or be empty but for .git)
        dir: PathBuf,
    },
    /// Build the site into memory, serve it locally and rebuild on every change
    Serve(ServeArgs),
    /// Write a new article skeleton, e.g. `chunav new content/kanpur/result-2029.md`
    New {
        /// Path of the new Markdown file, relative to the site root
        path: PathBuf,
    },
    /// Turn official result files (ECI, TCPD) into [[results]] data with provenance
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The result file (CSV), and optionally a segment-wise file for the same election
    #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The seat, by name (Kanpur) or number (43); without it, every seat of the file
    #[arg(long, value_name = "NAME_OR_NUMBER")]
    pub constituency: Option<String>,
    /// The state, where a name or number alone is ambiguous (two Aurangabads)
    #[arg(long, value_name = "NAME")]
    pub state: Option<String>,
    /// The election year, when the file holds several or does not say
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,
    /// The file's layout (once for all files, or once per file); auto reads the header
    #[arg(long, value_name = "FORMAT", default_value = "auto")]
    pub format: Vec<FormatArg>,
    /// The result's id (one seat only); default like ls2024_uttar_pradesh_43
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Write to this file (one seat) or folder (every seat; default data/FILE-NAME/)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
    /// Print [parties.X] tables for the file's parties that site.toml has no code for, and import nothing
    #[arg(long)]
    pub add_parties: bool,
    /// On counting day: every seat written is still "counting", or "declared"
    #[arg(long, value_name = "STATUS", value_parser = ["counting", "declared"])]
    pub status: Option<String>,
    /// The latest round counted (with --status counting)
    #[arg(long, value_name = "N")]
    pub round: Option<u32>,
    /// How many rounds the count has
    #[arg(long, value_name = "M")]
    pub rounds: Option<u32>,
    /// When the figures were taken, with the zone: 2024-06-04T14:30:00+05:30
    #[arg(long, value_name = "TIME")]
    pub updated: Option<String>,
}

/// `--format`: a layout, or `auto` to recognise it by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Auto,
    EciConstituency,
    EciCountry,
    EciSegments,
    Tcpd,
    EciStatistical,
}

impl FormatArg {
    pub fn format(self) -> Option<crate::import::layout::Format> {
        use crate::import::layout::Format;
        match self {
            FormatArg::Auto => None,
            FormatArg::EciConstituency => Some(Format::EciConstituency),
            FormatArg::EciCountry => Some(Format::EciCountry),
            FormatArg::EciSegments => Some(Format::EciSegments),
            FormatArg::Tcpd => Some(Format::Tcpd),
            FormatArg::EciStatistical => Some(Format::EciStatistical),
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Output folder (default: public/ in the site root)
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Override site.toml's base_url, e.g. https://USER.github.io/REPO/
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Draw every share card again, without reading or writing the card cache (.chunav/cache/)
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub common: CheckArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Include pages marked `draft = true`
    #[arg(long)]
    pub drafts: bool,
    /// Treat warnings (such as unreconciled segment figures) as errors
    #[arg(long)]
    pub strict: bool,
    /// Also check links to other sites (needs the network; dead ones are warnings)
    #[arg(long)]
    pub external: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on; anything but 127.0.0.1 exposes your drafts to the network
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: String,
    /// Include pages marked `draft = true`
    #[arg(long)]
    pub drafts: bool,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
    /// Override site.toml's base_url (its path is where the site is served)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// docs/commands.md has a section per command naming each of its flags.
    #[test]
    fn every_flag_is_documented() {
        let docs = include_str!("../docs/commands.md");
        let cli = Cli::command();
        for global in cli.get_arguments().filter_map(|a| a.get_long()) {
            assert!(
                docs.contains(&format!("--{global}")),
                "docs/commands.md lacks --{global}"
            );
        }
        for command in cli.get_subcommands() {
            let name = command.get_name();
            let heading = format!("## `chunav {name}");
            let start = docs
                .find(&heading)
                .unwrap_or_else(|| panic!("docs/commands.md has no section {heading}`"));
            let section = &docs[start + heading.len()..];
            let section = &section[..section.find("\n## ").unwrap_or(section.len())];
            for arg in command.get_arguments() {
                if arg.is_global_set() {
                    continue;
                }
                if let Some(long) = arg.get_long() {
                    assert!(
                        section.contains(&format!("--{long}")),
                        "docs/commands.md, `chunav {name}`: no `--{long}`"
                    );
                }
            }
        }
    }
}
