//! The web app driven through its router, without a socket: pages, API, security.

mod util;

mod api;
mod pages;
mod security;
mod xss;
