package com.lakesail.backend.testing.lambda;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file names in its constant pool: the classes it instantiates, calls, casts to
 * or catches, and the types in the descriptors of the members it uses. Enough to tell whether a
 * deployment package can link a class, without loading it.
 */
public final class ClassReferences {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([^;<>]+);");

    private ClassReferences() {
    }

    /** Internal names ({@code java/lang/String}), arrays reduced to their element class. */
    public static Set<String> of(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[] descriptors = new int[count];
        int classes = 0;
        int described = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[classes++] = in.readUnsignedShort();
                case 16 -> descriptors[described++] = in.readUnsignedShort();
                case 12 -> {
                    in.readUnsignedShort();
                    descriptors[described++] = in.readUnsignedShort();
                }
                case 8, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < classes; i++) {
            String name = utf8[classNames[i]];
            if (name.startsWith("[")) {
                addTypes(name, names);
            } else {
                names.add(name);
            }
        }
        for (int i = 0; i < described; i++) {
            addTypes(utf8[descriptors[i]], names);
        }
        return names;
    }

    private static void addTypes(String descriptor, Set<String> into) {
        Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
