use chunav::build::{self, BuildOptions, Outcome};
use chunav::cli::{Cli, Command};
use chunav::diagnostics::{Diagnostic, path_for_people};
use chunav::scaffold;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let output = args.output.unwrap_or_else(|| cli.root.join("public"));
            let outcome = build::build(&BuildOptions {
                root: cli.root.clone(),
                output: Some(output.clone()),
                drafts: args.common.drafts,
                strict: args.common.strict,
                base_url: args.base_url,
                external: args.common.external,
                cache: !args.no_cache,
            });
            report(
                &outcome,
                &format!(
                    "built {} pages, {} files into {}",
                    outcome.pages,
                    outcome.files,
                    path_for_people(&output)
                ),
                args.common.strict,
            )
        }
        Command::Check(args) => {
            let outcome = build::build(&BuildOptions {
                root: cli.root.clone(),
                output: None,
                drafts: args.drafts,
                strict: args.strict,
                base_url: None,
                external: args.external,
                cache: true,
            });
            report(
                &outcome,
                &format!("checked {} pages: no errors", outcome.pages),
                args.strict,
            )
        }
        Command::Serve(args) => done(
            chunav::serve::run(chunav::serve::ServeOptions {
                root: cli.root.clone(),
                port: args.port,
                bind: args.bind,
                drafts: args.drafts,
                open: args.open,
                base_url: args.base_url,
            })
            .map(|()| String::new()),
        ),
        Command::Init { dir } => {
            // `--root` only when given: `chunav init my-site` says "my-site", not "./my-site".
            let dir = if cli.root == std::path::Path::new(".") {
                dir
            } else {
                cli.root.join(dir)
            };
            done(scaffold::init(&dir))
        }
        Command::New { path } => done(scaffold::new_article(&cli.root, &path)),
        Command::Import(args) => import(&cli.root, args),
    }
}

fn import(root: &std::path::Path, args: chunav::cli::ImportArgs) -> ExitCode {
    let options = chunav::import::ImportOptions {
        root: root.to_path_buf(),
        files: args.files,
        // "auto" among named formats means "recognise this one".
        formats: if args.format.iter().all(|f| f.format().is_none()) {
            Vec::new()
        } else {
            args.format
                .iter()
                .map(|f| f.format())
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default()
        },
        constituency: args.constituency,
        state: args.state,
        year: args.year,
        id: args.id,
        output: args.output,
        force: args.force,
        add_parties: args.add_parties,
        count: chunav::import::CountOptions {
            status: args.status,
            round: args.round,
            rounds: args.rounds,
            updated: args.updated,
        },
    };
    match chunav::import::run(&options) {
        Ok(outcome) => {
            print!("{}", outcome.stdout);
            for message in &outcome.messages {
                eprintln!("chunav import: {message}");
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for d in &problems {
                eprintln!("{d}");
            }
            eprintln!(
                "chunav import: {} problem(s); nothing was written",
                problems.len()
            );
            ExitCode::FAILURE
        }
    }
}

fn report(outcome: &Outcome, success: &str, strict: bool) -> ExitCode {
    for d in &outcome.diagnostics {
        eprintln!("{d}");
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_warning())
        .count();
    if outcome.failed {
        let why = if errors == 0 && strict {
            " (--strict counts warnings as errors)"
        } else {
            ""
        };
        eprintln!(
            "chunav: failed with {errors} error(s) and {warnings} warning(s){why}; nothing was written"
        );
        ExitCode::FAILURE
    } else {
        if warnings > 0 {
            println!("{success}, {warnings} warning(s)");
        } else {
            println!("{success}");
        }
        ExitCode::SUCCESS
    }
}

fn done(result: Result<String, Diagnostic>) -> ExitCode {
    match result {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("{d}");
            ExitCode::FAILURE
        }
    }
}
