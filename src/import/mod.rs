//! Importing what offices already have into a [`crate::model::Document`].

pub mod xlsx;
