// Package archtest holds the test that keeps the package layering drawn in
// the README true: it fails when a package imports against it.
package archtest
