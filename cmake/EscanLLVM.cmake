# Finds the Debian/Ubuntu-packaged LLVM and Clang of one major version
# (ESCAN_LLVM_VERSION, default 19) and fails early, naming the packages to
# install, when a piece is missing. The plugin compiles against Clang's
# headers but links none of Clang's libraries: the host clang provides them.

set(ESCAN_LLVM_VERSION "19" CACHE STRING "Major version of the packaged LLVM/Clang to build against (14..19)")
set(ESCAN_LLVM_ROOT "/usr/lib/llvm-${ESCAN_LLVM_VERSION}" CACHE PATH "Root of the packaged LLVM installation")

set(_escan_pkgs "clang-${ESCAN_LLVM_VERSION} libclang-${ESCAN_LLVM_VERSION}-dev libclang-cpp${ESCAN_LLVM_VERSION}-dev llvm-${ESCAN_LLVM_VERSION}-dev llvm-${ESCAN_LLVM_VERSION}-tools")

find_package(LLVM CONFIG QUIET PATHS "${ESCAN_LLVM_ROOT}/lib/cmake/llvm" NO_DEFAULT_PATH)
find_package(Clang CONFIG QUIET PATHS "${ESCAN_LLVM_ROOT}/lib/cmake/clang" NO_DEFAULT_PATH)
if(NOT LLVM_FOUND OR NOT Clang_FOUND)
  message(FATAL_ERROR
    "escan: LLVM/Clang ${ESCAN_LLVM_VERSION} development files not found under ${ESCAN_LLVM_ROOT}.\n"
    "Install them with:  sudo apt-get install ${_escan_pkgs}\n"
    "or run scripts/bootstrap, or pick another version with -DESCAN_LLVM_VERSION=N.")
endif()

find_program(ESCAN_CLANG clang-${ESCAN_LLVM_VERSION} PATHS "${ESCAN_LLVM_ROOT}/bin" NO_DEFAULT_PATH)
find_program(ESCAN_CLANG clang PATHS "${ESCAN_LLVM_ROOT}/bin" NO_DEFAULT_PATH)
find_program(ESCAN_FILECHECK FileCheck PATHS "${ESCAN_LLVM_ROOT}/bin" NO_DEFAULT_PATH)
find_program(ESCAN_NOT not PATHS "${ESCAN_LLVM_ROOT}/bin" NO_DEFAULT_PATH)
find_file(ESCAN_LIT lit.py PATHS "${ESCAN_LLVM_ROOT}/build/utils/lit" NO_DEFAULT_PATH)
find_library(ESCAN_LIBCLANG NAMES clang clang-${ESCAN_LLVM_VERSION} PATHS "${ESCAN_LLVM_ROOT}/lib" NO_DEFAULT_PATH)
foreach(_v ESCAN_CLANG ESCAN_FILECHECK ESCAN_NOT ESCAN_LIT ESCAN_LIBCLANG)
  if(NOT ${_v})
    message(FATAL_ERROR "escan: ${_v} not found under ${ESCAN_LLVM_ROOT}. Install: sudo apt-get install ${_escan_pkgs}")
  endif()
endforeach()

message(STATUS "escan: LLVM ${LLVM_PACKAGE_VERSION} at ${ESCAN_LLVM_ROOT}, clang ${ESCAN_CLANG}")
