#!/usr/bin/env python3
"""Writes a manifest-only jar whose Class-Path holds the given classpath: java.class.path stays short.
ONNX Runtime 1.29.0's Java binding crashes the JVM (SIGSEGV while loading its native library) when
java.class.path is long (about 19,000 characters here); a Spring Boot jar or a pathing jar avoids that.
Usage: pathing-jar.py OUT.jar CLASSPATH"""
import sys, zipfile, pathlib

out, classpath = sys.argv[1], sys.argv[2]
urls = " ".join(pathlib.Path(p).absolute().as_uri() + ("/" if pathlib.Path(p).is_dir() else "")
                for p in classpath.split(":") if p)
line = "Class-Path: " + urls
# Manifest lines are at most 72 bytes; continuation lines start with one space.
wrapped = [line[:72]] + [" " + line[i:i + 71] for i in range(72, len(line), 71)]
manifest = "Manifest-Version: 1.0\r\n" + "\r\n".join(wrapped) + "\r\n\r\n"
with zipfile.ZipFile(out, "w") as jar:
    jar.writestr("META-INF/MANIFEST.MF", manifest)
