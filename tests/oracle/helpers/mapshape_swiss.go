//go:build go1.24

// mapshape_swiss.go — the oracle harness adds this file next to a program when it runs the
// program on real Go 1.24+ (Swiss-table maps, the default GOEXPERIMENT). gomapsim provides
// mapShape as a builtin.
//
// mapShape(m) returns "len=%d dirLen=%d tables=%d": live entries (Map.used), the directory
// length (0 for a small map of ≤ 8 entries that has no table) and the number of DISTINCT tables
// in the directory (a table at localDepth < globalDepth fills several slots), read from
// internal/runtime/maps.Map through unsafe (layout: internal/runtime/maps/map.go, type Map). A
// nil map prints "len=0 dirLen=0 tables=0". Uses strconv, not fmt (see mapshape_classic.go).
package main

import (
	"strconv"
	"unsafe"
)

// oracleSwissMap mirrors internal/runtime/maps.Map (Go 1.24.4).
type oracleSwissMap struct {
	used        uint64
	seed        uintptr
	dirPtr      unsafe.Pointer
	dirLen      int
	globalDepth uint8
	globalShift uint8
	writing     uint8
	clearSeq    uint64
}

func mapShape[K comparable, V any](m map[K]V) string {
	h := *(**oracleSwissMap)(unsafe.Pointer(&m))
	if h == nil {
		return "len=0 dirLen=0 tables=0"
	}
	tables := 0
	var last unsafe.Pointer
	for i := 0; i < h.dirLen; i++ {
		// Slots of one table are consecutive, so counting changes counts distinct tables.
		t := *(*unsafe.Pointer)(unsafe.Add(h.dirPtr, uintptr(i)*unsafe.Sizeof(uintptr(0))))
		if t != last {
			tables++
			last = t
		}
	}
	return "len=" + strconv.FormatUint(h.used, 10) + " dirLen=" + strconv.Itoa(h.dirLen) +
		" tables=" + strconv.Itoa(tables)
}
