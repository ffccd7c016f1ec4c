//go:build !go1.24

// mapshape_classic.go — the oracle harness adds this file next to a program when it runs the
// program on real Go 1.19–1.23 (classic bucket maps). gomapsim provides mapShape as a builtin.
//
// mapShape(m) returns "len=%d B=%d": the live entry count and log2 of the bucket count, read
// from runtime.hmap through unsafe (layout: runtime/map.go, type hmap). A nil map prints "len=0
// B=0". Uses strconv, not fmt, so that it adds no package of its own to a program that prints
// with log or fmt anyway.
package main

import (
	"strconv"
	"unsafe"
)

// oracleHmap mirrors the first fields of runtime.hmap (Go 1.19; unchanged through 1.23).
type oracleHmap struct {
	count     int
	flags     uint8
	B         uint8
	noverflow uint16
	hash0     uint32
}

func mapShape[K comparable, V any](m map[K]V) string {
	h := *(**oracleHmap)(unsafe.Pointer(&m))
	if h == nil {
		return "len=0 B=0"
	}
	return "len=" + strconv.Itoa(h.count) + " B=" + strconv.Itoa(int(h.B))
}
