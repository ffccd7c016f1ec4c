// os_pkg.cpp — package os's code, in the Go the playground runs (see os_pkg.h). os_write and
// os_exit are the VM's builtins (compiler_builtins.cpp): the write(2) and exit(2) Go's
// runtime makes.
#include "engine/lang/os_pkg.h"

#include <string>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kOs = R"go(package main
type os_File struct {
	fd int
}

var os_stdout = os_File{1}
var os_stderr = os_File{2}

var os_Stdout = &os_stdout
var os_Stderr = &os_stderr

// the runtime's argv (runtime/runtime1.go goargs: made before main, in the start-up heap):
// a slice of static data here, so that importing os costs nothing at init
var os_argv = [1]string{"PROGRAM"}
var os_Args = os_argv[:]

func (f *os_File) WriteString(s string) (int, error) {
	os_write(f.fd, s)
	return len(s), nil
}

func (f *os_File) Write(b []byte) (int, error) {
	os_write(f.fd, strings_view(b))
	return len(b), nil
}

func os_Exit(code int) { os_exit(code) }
)go";

// api/go1*.txt of Go 1.27: every exported func, var, const and type
constexpr std::string_view kOsNames =
    " Args Chdir Chmod Chown Chtimes Clearenv CopyFS Create CreateTemp DevNull DirEntry DirFS Environ"
    " ErrClosed ErrDeadlineExceeded ErrExist ErrInvalid ErrNoDeadline ErrNoHandle ErrNotExist"
    " ErrPermission ErrProcessDone Executable Exit Expand ExpandEnv File FileInfo FileMode FindProcess"
    " Getegid Getenv Geteuid Getgid Getgroups Getpagesize Getpid Getppid Getuid Getwd Hostname Interrupt"
    " IsExist IsNotExist IsPathSeparator IsPermission IsTimeout Kill Lchown Link LinkError LookupEnv"
    " Lstat Mkdir MkdirAll MkdirTemp ModeAppend ModeCharDevice ModeDevice ModeDir ModeExclusive"
    " ModeIrregular ModeNamedPipe ModePerm ModeSetgid ModeSetuid ModeSocket ModeSticky ModeSymlink"
    " ModeTemporary ModeType NewFile NewSyscallError O_APPEND O_CREATE O_EXCL O_RDONLY O_RDWR O_SYNC"
    " O_TRUNC O_WRONLY Open OpenFile OpenInRoot OpenRoot PathError PathListSeparator PathSeparator Pipe"
    " ProcAttr Process ProcessState ReadDir ReadFile Readlink Remove RemoveAll Rename Root SEEK_CUR"
    " SEEK_END SEEK_SET SameFile Setenv Signal StartProcess Stat Stderr Stdin Stdout Symlink SyscallError"
    " TempDir Truncate Unsetenv UserCacheDir UserConfigDir UserHomeDir WriteFile ";
constexpr std::string_view kBytesNames =
    " Buffer Clone Compare Contains ContainsAny ContainsFunc ContainsRune Count Cut CutLast CutPrefix"
    " CutSuffix Equal EqualFold ErrTooLarge Fields FieldsFunc FieldsFuncSeq FieldsSeq HasPrefix HasSuffix"
    " Index IndexAny IndexByte IndexFunc IndexRune Join LastIndex LastIndexAny LastIndexByte"
    " LastIndexFunc Lines Map MinRead NewBuffer NewBufferString NewReader Reader Repeat Replace"
    " ReplaceAll Runes Split SplitAfter SplitAfterN SplitAfterSeq SplitN SplitSeq Title ToLower"
    " ToLowerSpecial ToTitle ToTitleSpecial ToUpper ToUpperSpecial ToValidUTF8 Trim TrimFunc TrimLeft"
    " TrimLeftFunc TrimPrefix TrimRight TrimRightFunc TrimSpace TrimSuffix ";
constexpr std::string_view kFlagNames =
    " Arg Args Bool BoolFunc BoolVar CommandLine ContinueOnError Duration DurationVar ErrHelp ErrorHandling"
    " ExitOnError Flag FlagSet Float64 Float64Var Func Int Int64 Int64Var IntVar Lookup NArg NFlag NewFlagSet"
    " PanicOnError Parse Parsed PrintDefaults Set String StringVar TextVar Uint Uint64 Uint64Var UintVar"
    " UnquoteUsage Usage Var Visit VisitAll ";

// api/go1*.txt of Go 1.27: the methods of *bytes.Buffer (Available, AvailableBuffer from 1.21,
// Peek from 1.26) and of *os.File
constexpr std::string_view kBufferMethods =
    " Bytes Cap Grow Len Next Read ReadByte ReadBytes ReadFrom ReadRune ReadString Reset String Truncate"
    " UnreadByte UnreadRune Write WriteByte WriteRune WriteString WriteTo ";
constexpr std::string_view kFileMethods =
    " Chdir Chmod Chown Close Fd Name Read ReadAt ReadDir ReadFrom Readdir Readdirnames Seek SetDeadline"
    " SetReadDeadline SetWriteDeadline Stat Sync SyscallConn Truncate Write WriteAt WriteString WriteTo ";

bool has_word(std::string_view words, std::string_view name) {
  for (size_t at = words.find(name); !name.empty() && at != std::string_view::npos; at = words.find(name, at + 1))
    if (words[at - 1] == ' ' && words[at + name.size()] == ' ') return true;   // a whole word
  return false;
}

}  // namespace

bool library_method(std::string_view type, std::string_view method, int go_minor) {
  if (type == "bytes.Buffer")
    return has_word(kBufferMethods, method) || (go_minor >= 21 && (method == "Available" || method == "AvailableBuffer")) ||
           (go_minor >= 26 && method == "Peek");
  return type == "os.File" && has_word(kFileMethods, method);
}

bool package_exports(std::string_view pkg, std::string_view name) {
  return has_word(pkg == "os"      ? kOsNames
                  : pkg == "bytes" ? kBytesNames
                  : pkg == "flag"  ? kFlagNames
                                   : std::string_view{" "},
                  name);
}

bool add_os(File& file, Error& err) {
  if (!imports(file, "os") && !imports(file, "flag")) return true;   // flag reads os.Args
  std::string src = kOs;
  const size_t at = src.find("PROGRAM");
  src = src.substr(0, at) + kProgramName + src.substr(at + 7);
  // after bytes.Buffer's (bytes_buffer.h), past the program's
  return add_library_code(file, src, kLibraryFirstLine + 850'000, "package os", err);
}

}  // namespace lang
