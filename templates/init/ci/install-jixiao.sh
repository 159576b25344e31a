#!/bin/sh
# 由 jixiao init 生成：在 CI 中安装 jixiao，供 .github/workflows/jixiao.yml 与 .gitlab-ci.yml 调用。
#
#   sh ci/install-jixiao.sh 安装目录
#
# 默认下载 JIXIAO_RELEASES/JIXIAO_VERSION 下与本机相符的发布压缩包，核对其 SHA-256 后解压（几秒钟）；
# JIXIAO_INSTALL=source 时改用 cargo install 从 JIXIAO_GIT 的源码编译（需要 Rust，首次约 15 分钟）。
# 目录中已有同一版本时直接使用（CI 缓存）。提示信息写到标准错误，标准输出只有最后一行：jixiao 所在目录。
set -eu

dir="${1:?用法：sh ci/install-jixiao.sh 安装目录}"
version="${JIXIAO_VERSION:?请在 CI 文件中设置 JIXIAO_VERSION，例如 v0.1.0}"
plain="${version#v}"

say() { echo "jixiao 安装：$*" >&2; }

if [ -x "$dir/jixiao" ] && "$dir/jixiao" --version 2>/dev/null | grep -q "^jixiao $plain "; then
  say "使用缓存中的 jixiao $plain"
  echo "$dir"
  exit 0
fi
mkdir -p "$dir"

case "${JIXIAO_INSTALL:-download}" in
  source)
    say "从源码编译 $JIXIAO_GIT $version"
    cargo install --locked --root "$dir/.." --git "${JIXIAO_GIT:?请设置 JIXIAO_GIT}" --tag "$version" jixiao >&2
    if [ "$(cd "$dir/.." && pwd)/bin" != "$(cd "$dir" && pwd)" ]; then mv "$dir/../bin/jixiao" "$dir/jixiao"; fi
    ;;
  download)
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
      Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-gnu ;;
      Darwin-arm64) target=aarch64-apple-darwin ;;
      Darwin-x86_64) target=x86_64-apple-darwin ;;
      *)
        say "没有适用于 $(uname -s) $(uname -m) 的发布版本；可在 CI 文件中设 JIXIAO_INSTALL: source 从源码编译"
        exit 1
        ;;
    esac
    name="jixiao-$plain-$target"
    tmp="$(mktemp -d)"
    for file in "$name.tar.gz" "$name.tar.gz.sha256"; do
      if ! curl -fsSL --retry 3 -o "$tmp/$file" "${JIXIAO_RELEASES:?请设置 JIXIAO_RELEASES}/$version/$file"; then
        say "无法下载 $JIXIAO_RELEASES/$version/$file；请检查 JIXIAO_RELEASES 与 JIXIAO_VERSION，或设 JIXIAO_INSTALL: source"
        exit 1
      fi
    done
    if command -v sha256sum >/dev/null 2>&1; then check="sha256sum -c"; else check="shasum -a 256 -c"; fi
    if ! (cd "$tmp" && $check "$name.tar.gz.sha256" >&2); then
      say "$name.tar.gz 的 SHA-256 与发布的校验和不符，未安装"
      exit 1
    fi
    tar xzf "$tmp/$name.tar.gz" -C "$tmp"
    mv "$tmp/$name/jixiao" "$dir/jixiao"
    rm -rf "$tmp"
    ;;
  *)
    say "JIXIAO_INSTALL 只能是 download 或 source，而不是 ${JIXIAO_INSTALL}"
    exit 1
    ;;
esac

"$dir/jixiao" --version >&2
echo "$dir"
