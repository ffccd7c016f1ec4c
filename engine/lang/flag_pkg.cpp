// flag_pkg.cpp — package flag's code per release, in the Go the playground runs (see
// flag_pkg.h). Each function follows flag/flag.go of its release; os_Args is package os's
// (os_pkg.cpp), os_write the VM's write(2).
#include "engine/lang/flag_pkg.h"

#include <string>

#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kFlag = R"go(package main
type flag_Value interface {
	String() string
}

type flag_ErrorHandling int

const (
	flag_ContinueOnError flag_ErrorHandling = iota
	flag_ExitOnError
	flag_PanicOnError
)

type flag_writer interface {
	Write(p []byte) (int, error)
}

type flag_FlagSet struct {
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*flag_Flag
	formal        map[string]*flag_Flag
	args          []string
	errorHandling flag_ErrorHandling
	output        flag_writer
UNDEF}

type flag_Flag struct {
	Name     string
	Usage    string
	Value    flag_Value
	DefValue string
}

type flag_boolValue bool

func flag_newBoolValue(val bool, p *bool) *flag_boolValue {
	*p = val
	return (*flag_boolValue)(p)
}

func (b *flag_boolValue) String() string {
	if *b {
		return "true"
	}
	return "false"
}

type flag_intValue int

func flag_newIntValue(val int, p *int) *flag_intValue {
	*p = val
	return (*flag_intValue)(p)
}

func (i *flag_intValue) String() string { return flag_strconv.Itoa(int(*i)) }

type flag_int64Value int64

func flag_newInt64Value(val int64, p *int64) *flag_int64Value {
	*p = val
	return (*flag_int64Value)(p)
}

func (i *flag_int64Value) String() string { return flag_strconv.FormatInt(int64(*i), 10) }

type flag_uintValue uint

func flag_newUintValue(val uint, p *uint) *flag_uintValue {
	*p = val
	return (*flag_uintValue)(p)
}

// strconv.FormatUint(uint64(*i), 10): FormatInt's digits and allocation for values below 2^63
func (i *flag_uintValue) String() string { return flag_strconv.FormatInt(int64(*i), 10) }

type flag_stringValue string

func flag_newStringValue(val string, p *string) *flag_stringValue {
	*p = val
	return (*flag_stringValue)(p)
}

func (s *flag_stringValue) String() string { return string(*s) }

type flag_durationValue flag_time.Duration

func flag_newDurationValue(val flag_time.Duration, p *flag_time.Duration) *flag_durationValue {
	*p = val
	return (*flag_durationValue)(p)
}

func (d *flag_durationValue) String() string { return flag_time.Duration(*d).String() }

func flag_sortFlags(flags map[string]*flag_Flag) []*flag_Flag {
	result := make([]*flag_Flag, len(flags))
	i := 0
	for _, f := range flags {
		result[i] = f
		i++
	}
	for i := 1; i < len(result); i++ {
		for j := i; j > 0 && result[j].Name < result[j-1].Name; j-- {
			result[j], result[j-1] = result[j-1], result[j]
		}
	}
	return result
}

func (f *flag_FlagSet) Name() string { return f.name }

func (f *flag_FlagSet) Lookup(name string) *flag_Flag { return f.formal[name] }

func flag_Lookup(name string) *flag_Flag { return flag_CommandLine.formal[name] }

// UnquoteUsage: the name in back quotes in the usage, else the value's kind
func flag_UnquoteUsage(flag *flag_Flag) (name string, usage string) {
	usage = flag.Usage
	for i := 0; i < len(usage); i++ {
		if usage[i] == '`' {
			for j := i + 1; j < len(usage); j++ {
				if usage[j] == '`' {
					name = usage[i+1 : j]
					usage = usage[:i] + name + usage[j+1:]
					return name, usage
				}
			}
			break
		}
	}
	name = "value"
	switch flag.Value.(type) {
	case *flag_boolValue:
		name = ""
	case *flag_durationValue:
		name = "duration"
	case *flag_int64Value, *flag_intValue:
		name = "int"
	case *flag_stringValue:
		name = "string"
	case *flag_uintValue:
		name = "uint"
	}
	return
}

// isZeroValue: the default is the String of the value's zero
func (f *flag_FlagSet) isZeroValue(flag *flag_Flag, value string) bool {
	switch flag.Value.(type) {
	case *flag_boolValue:
		return value == "false"
	case *flag_durationValue:
		return value == "0s"
	case *flag_stringValue:
		return value == ""
	}
	return value == "0"
}

func (f *flag_FlagSet) PrintDefaults() {
	for _, flag := range flag_sortFlags(f.formal) {
		var b []byte
		b = append(b, "  -"...)
		b = append(b, flag.Name...)
		name, usage := flag_UnquoteUsage(flag)
		if len(name) > 0 {
			b = append(b, " "...)
			b = append(b, name...)
		}
		if len(b) <= 4 {
			b = append(b, "\t"...)
		} else {
			b = append(b, "\n    \t"...)
		}
		for i := 0; i < len(usage); i++ {
			b = append(b, usage[i])
			if usage[i] == '\n' {
				b = append(b, "    \t"...)
			}
		}
		if !f.isZeroValue(flag, flag.DefValue) {
			if _, ok := flag.Value.(*flag_stringValue); ok {
				b = append(b, " (default "...)
				b = append(b, flag_strconv.Quote(flag.DefValue)...)
				b = append(b, ")"...)
			} else {
				b = append(b, " (default "...)
				b = append(b, flag.DefValue...)
				b = append(b, ")"...)
			}
		}
		b = append(b, "\n"...)
		os_write(2, string(b))
	}
}

func flag_PrintDefaults() { flag_CommandLine.PrintDefaults() }

func (f *flag_FlagSet) defaultUsage() {
	if f.name == "" {
		os_write(2, "Usage:\n")
	} else {
		os_write(2, "Usage of "+f.name+":\n")
	}
	f.PrintDefaults()
}

var flag_Usage = func() {
	os_write(2, "Usage of "+os_Args[0]+":\n")
	flag_PrintDefaults()
}

func (f *flag_FlagSet) NFlag() int { return len(f.actual) }

func flag_NFlag() int { return len(flag_CommandLine.actual) }

func (f *flag_FlagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}

func flag_Arg(i int) string { return flag_CommandLine.Arg(i) }

func (f *flag_FlagSet) NArg() int { return len(f.args) }

func flag_NArg() int { return len(flag_CommandLine.args) }

func (f *flag_FlagSet) Args() []string { return f.args }

func flag_Args() []string { return flag_CommandLine.args }

func (f *flag_FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	f.Var(flag_newBoolValue(value, p), name, usage)
}

func flag_BoolVar(p *bool, name string, value bool, usage string) {
	flag_CommandLine.Var(flag_newBoolValue(value, p), name, usage)
}

func (f *flag_FlagSet) Bool(name string, value bool, usage string) *bool {
	p := new(bool)
	f.BoolVar(p, name, value, usage)
	return p
}

func flag_Bool(name string, value bool, usage string) *bool {
	return flag_CommandLine.Bool(name, value, usage)
}

func (f *flag_FlagSet) IntVar(p *int, name string, value int, usage string) {
	f.Var(flag_newIntValue(value, p), name, usage)
}

func flag_IntVar(p *int, name string, value int, usage string) {
	flag_CommandLine.Var(flag_newIntValue(value, p), name, usage)
}

func (f *flag_FlagSet) Int(name string, value int, usage string) *int {
	p := new(int)
	f.IntVar(p, name, value, usage)
	return p
}

func flag_Int(name string, value int, usage string) *int {
	return flag_CommandLine.Int(name, value, usage)
}

func (f *flag_FlagSet) Int64Var(p *int64, name string, value int64, usage string) {
	f.Var(flag_newInt64Value(value, p), name, usage)
}

func flag_Int64Var(p *int64, name string, value int64, usage string) {
	flag_CommandLine.Var(flag_newInt64Value(value, p), name, usage)
}

func (f *flag_FlagSet) Int64(name string, value int64, usage string) *int64 {
	p := new(int64)
	f.Int64Var(p, name, value, usage)
	return p
}

func flag_Int64(name string, value int64, usage string) *int64 {
	return flag_CommandLine.Int64(name, value, usage)
}

func (f *flag_FlagSet) UintVar(p *uint, name string, value uint, usage string) {
	f.Var(flag_newUintValue(value, p), name, usage)
}

func flag_UintVar(p *uint, name string, value uint, usage string) {
	flag_CommandLine.Var(flag_newUintValue(value, p), name, usage)
}

func (f *flag_FlagSet) Uint(name string, value uint, usage string) *uint {
	p := new(uint)
	f.UintVar(p, name, value, usage)
	return p
}

func flag_Uint(name string, value uint, usage string) *uint {
	return flag_CommandLine.Uint(name, value, usage)
}

func (f *flag_FlagSet) StringVar(p *string, name string, value string, usage string) {
	f.Var(flag_newStringValue(value, p), name, usage)
}

func flag_StringVar(p *string, name string, value string, usage string) {
	flag_CommandLine.Var(flag_newStringValue(value, p), name, usage)
}

func (f *flag_FlagSet) String(name string, value string, usage string) *string {
	p := new(string)
	f.StringVar(p, name, value, usage)
	return p
}

func flag_String(name string, value string, usage string) *string {
	return flag_CommandLine.String(name, value, usage)
}

func (f *flag_FlagSet) DurationVar(p *flag_time.Duration, name string, value flag_time.Duration, usage string) {
	f.Var(flag_newDurationValue(value, p), name, usage)
}

func flag_DurationVar(p *flag_time.Duration, name string, value flag_time.Duration, usage string) {
	flag_CommandLine.Var(flag_newDurationValue(value, p), name, usage)
}

func (f *flag_FlagSet) Duration(name string, value flag_time.Duration, usage string) *flag_time.Duration {
	p := new(flag_time.Duration)
	f.DurationVar(p, name, value, usage)
	return p
}

func flag_Duration(name string, value flag_time.Duration, usage string) *flag_time.Duration {
	return flag_CommandLine.Duration(name, value, usage)
}

// sprintf: the message printed to the set's output (stderr), then returned
func (f *flag_FlagSet) sprintf(msg string) string {
	os_write(2, msg+"\n")
	return msg
}

func (f *flag_FlagSet) Var(value flag_Value, name string, usage string) {
	if len(name) > 0 && name[0] == '-' {
		panic(f.sprintf("flag " + flag_strconv.Quote(name) + " begins with -"))
	}
	for i := 0; i < len(name); i++ {
		if name[i] == '=' {
			panic(f.sprintf("flag " + flag_strconv.Quote(name) + " contains ="))
		}
	}
	flag := &flag_Flag{name, usage, value, value.String()}
	_, alreadythere := f.formal[name]
	if alreadythere {
		var msg string
		if f.name == "" {
			msg = f.sprintf("flag redefined: " + name)
		} else {
			msg = f.sprintf(f.name + " flag redefined: " + name)
		}
		panic(msg)
	}
	if f.formal == nil {
		f.formal = make(map[string]*flag_Flag)
	}
	f.formal[name] = flag
}

// parse: Parse with no arguments (the command line has none: flag_pkg.h), where parseOne
// finds no flag at once
func (f *flag_FlagSet) parse(arguments []string) {
	f.parsed = true
	f.args = arguments
}

func (f *flag_FlagSet) Parsed() bool { return f.parsed }

func flag_Parse() { flag_CommandLine.parse(os_Args[1:]) }

func flag_Parsed() bool { return flag_CommandLine.Parsed() }

func flag_commandLineUsage() { flag_Usage() }

func flag_newCommandLine() *flag_FlagSet {
	f := &flag_FlagSet{name: os_Args[0], errorHandling: flag_ExitOnError}
	f.Usage = f.defaultUsage
	f.Usage = flag_commandLineUsage
	return f
}

ERRORS
var flag_CommandLine = flag_newCommandLine()
)go";

// Go 1.19: errors.New at init, three 16-byte errorStrings
constexpr const char* kErrorsAtInit = R"go(
var flag_ErrHelp = flag_errors.New("flag: help requested")
var flag_errParse = flag_errors.New("parse error")
var flag_errRange = flag_errors.New("value out of range")
)go";

void replace(std::string& s, std::string_view what, std::string_view with) {
  const size_t at = s.find(what);
  s.replace(at, what.size(), with);
}

}  // namespace

bool add_flag(File& file, int go_minor, Error& err) {
  if (!imports(file, "flag")) return true;
  std::string src = kFlag;
  // Go 1.20 added FlagSet.undef (flags Set before they were defined): 112 B, not 96
  replace(src, "UNDEF", go_minor >= 20 ? "\tundef map[string]string\n" : "");
  replace(src, "ERRORS", go_minor < 20 ? kErrorsAtInit : "");
  // its own imports, named so that the program cannot use them
  for (const char* path : {"strconv", "time", "errors"}) {
    if (std::string_view(path) == "errors" && go_minor >= 20) continue;
    Import im;
    im.pos = Pos{kLibraryFirstLine + 960'000, 1};
    im.path = path;
    im.name = std::string("flag_") + path;
    im.used = true;
    file.imports.push_back(im);
  }
  // past sync/atomic's (sync_atomic.h) and the package functions made as values
  // (compiler_pkg_values.cpp, from 950 000), before strconv's quoting (strconv_quote.h)
  return add_library_code(file, src, kLibraryFirstLine + 960'000, "package flag", err);
}

}  // namespace lang
